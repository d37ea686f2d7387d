import type { LogEvent } from '../../shared/events.js';
import type { PictureState } from '../../shared/protocol.js';
import type { ChangeSet } from './changes.js';

/**
 * A fix older than the team's newest one is kept in the log for history but never moves the team
 * backwards: phones backfill queued positions after a reconnect (traccar-client-android#178).
 */
export function applyPosition(state: PictureState, e: LogEvent<'position:report'>, changes: ChangeSet): void {
  const d = e.data;
  const team = state.teams[d.teamId];
  if (!team) return;
  if (team.reportedAt !== null && d.recordedAt < team.reportedAt) return;
  state.teams[d.teamId] = {
    ...team,
    position: d.position,
    headingDeg: d.headingDeg ?? team.headingDeg,
    speedMps: d.speedMps ?? null,
    accuracyM: d.accuracyM ?? null,
    batteryPct: d.batteryPct ?? team.batteryPct,
    reportedAt: d.recordedAt,
    receivedAt: e.serverTime,
    updatedAt: e.serverTime,
  };
  changes.ids.teams.add(d.teamId);
}

export function applyTeamStatus(state: PictureState, e: LogEvent<'team:setStatus'>, changes: ChangeSet): void {
  const d = e.data;
  const team = state.teams[d.teamId];
  if (!team) return;
  state.teams[d.teamId] = {
    ...team,
    status: d.status,
    taskId: d.taskId === undefined ? team.taskId : d.taskId,
    updatedAt: e.serverTime,
  };
  changes.ids.teams.add(d.teamId);
}

export function applySupplyDelivery(state: PictureState, e: LogEvent<'supply:deliver'>, changes: ChangeSet): void {
  const team = state.teams[e.data.teamId];
  if (!team) return;
  state.teams[team.id] = { ...team, deliveriesToday: (team.deliveriesToday ?? 0) + 1, updatedAt: e.serverTime };
  changes.ids.teams.add(team.id);
}
