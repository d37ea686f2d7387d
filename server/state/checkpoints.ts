import type { LogEvent } from '../../shared/events.js';
import type { PictureState } from '../../shared/protocol.js';
import type { ChangeSet } from './changes.js';

const TALLY_FIELDS = ['inboundPersons', 'outboundPersons', 'inboundVehicles', 'outboundVehicles', 'passesChecked', 'refused'] as const;

export function applyCheckpointTally(state: PictureState, e: LogEvent<'checkpoint:tally'>, changes: ChangeSet): void {
  const cp = state.checkpoints[e.data.checkpointId];
  if (!cp) return;
  const today = { ...cp.today };
  for (const f of TALLY_FIELDS) today[f] += e.data[f];
  state.checkpoints[cp.id] = { ...cp, today, updatedAt: e.serverTime };
  changes.ids.checkpoints.add(cp.id);
}

export function applyCheckpointStatus(state: PictureState, e: LogEvent<'checkpoint:setStatus'>, changes: ChangeSet): void {
  const cp = state.checkpoints[e.data.checkpointId];
  if (!cp) return;
  state.checkpoints[cp.id] = {
    ...cp,
    status: e.data.status,
    staffOnDuty: e.data.staffOnDuty ?? (e.data.status === 'lifted' ? 0 : cp.staffOnDuty),
    updatedAt: e.serverTime,
  };
  changes.ids.checkpoints.add(cp.id);
}
