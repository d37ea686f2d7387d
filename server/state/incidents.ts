import type { LogEvent } from '../../shared/events.js';
import type { PictureState } from '../../shared/protocol.js';
import type { ChangeSet } from './changes.js';

export function applyIncidentCreate(state: PictureState, e: LogEvent<'incident:create'>, changes: ChangeSet): void {
  const d = e.data;
  if (state.incidents[d.incidentId]) return;
  state.incidents[d.incidentId] = {
    id: d.incidentId,
    kind: d.kind,
    severity: d.severity,
    position: d.position,
    note: d.note,
    teamId: d.teamId ?? null,
    checkpointId: d.checkpointId ?? null,
    status: 'open',
    reportedAt: d.recordedAt,
    receivedAt: e.serverTime,
    updatedAt: e.serverTime,
  };
  changes.ids.incidents.add(d.incidentId);
  const cp = d.checkpointId ? state.checkpoints[d.checkpointId] : undefined;
  if (cp) {
    state.checkpoints[cp.id] = { ...cp, today: { ...cp.today, incidents: cp.today.incidents + 1 }, updatedAt: e.serverTime };
    changes.ids.checkpoints.add(cp.id);
  }
}
