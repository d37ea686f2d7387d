import type { LogEvent } from '../../shared/events.js';
import type { PictureState } from '../../shared/protocol.js';
import type { ChangeSet } from './changes.js';

const ACTIVE = new Set(['assigned', 'in_progress']);

/** Moves a task through its states and keeps the assigned team's `taskId` in step. */
export function applyTaskStatus(state: PictureState, e: LogEvent<'task:setStatus'>, changes: ChangeSet): void {
  const d = e.data;
  const task = state.tasks[d.taskId];
  if (!task) return;
  const teamId = d.teamId === undefined ? task.teamId : d.teamId;
  state.tasks[task.id] = {
    ...task,
    status: d.status,
    teamId,
    completedAt: d.status === 'done' ? d.recordedAt : task.completedAt,
    updatedAt: e.serverTime,
  };
  changes.ids.tasks.add(task.id);
  if (task.teamId && task.teamId !== teamId) releaseTeam(state, task.teamId, task.id, e.serverTime, changes);
  if (!teamId) return;
  if (ACTIVE.has(d.status)) {
    const team = state.teams[teamId];
    if (team && team.taskId !== task.id) {
      state.teams[teamId] = { ...team, taskId: task.id, updatedAt: e.serverTime };
      changes.ids.teams.add(teamId);
    }
  } else {
    releaseTeam(state, teamId, task.id, e.serverTime, changes);
  }
}

function releaseTeam(state: PictureState, teamId: string, taskId: string, now: number, changes: ChangeSet): void {
  const team = state.teams[teamId];
  if (!team || team.taskId !== taskId) return;
  state.teams[teamId] = { ...team, taskId: null, updatedAt: now };
  changes.ids.teams.add(teamId);
}

export function applyTaskAcknowledge(state: PictureState, e: LogEvent<'task:acknowledge'>, changes: ChangeSet): void {
  const task = state.tasks[e.data.taskId];
  if (!task || task.acknowledgedAt) return;
  state.tasks[task.id] = { ...task, acknowledgedAt: e.data.recordedAt, updatedAt: e.serverTime };
  changes.ids.tasks.add(task.id);
}

/** Disinfection done: the task closes with the team's record and the team is free again. */
export function applyTaskComplete(state: PictureState, e: LogEvent<'task:complete'>, changes: ChangeSet): void {
  const d = e.data;
  const task = state.tasks[d.taskId];
  if (!task) return;
  state.tasks[task.id] = {
    ...task,
    status: 'done',
    teamId: d.teamId,
    completedAt: d.recordedAt,
    completion: { areaM2: d.areaM2, agent: d.agent, notes: d.notes },
    updatedAt: e.serverTime,
  };
  changes.ids.tasks.add(task.id);
  releaseTeam(state, d.teamId, task.id, e.serverTime, changes);
}
