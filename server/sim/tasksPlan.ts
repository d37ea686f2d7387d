import type { Task, Team } from '../../shared/entities.js';
import { distM } from '../scenario/planar.js';
import { releaseMover, routeMover } from './movement.js';
import { shortestPath } from './routing.js';
import type { Job, Planned, SimState } from './state.js';

const MAX_JOBS = 24;
const MAX_ASSIGN_M = 4000;
const AGENTS = ['含氯消毒液 500mg/L', '84消毒液 1:100', '过氧乙酸 0.5%', '二氧化氯 500mg/L'];

/** On start: tasks an earlier run left half-done go back to the pool (their jobs died with it). */
export function planTaskReset(s: SimState): Planned[] {
  return [...s.world.tasks.values()]
    .filter((t) => (t.status === 'assigned' || t.status === 'in_progress') && !s.jobs.has(t.id))
    .map((t) => {
      s.world.tasks.set(t.id, { ...t, status: 'pending', teamId: null });
      return { command: { name: 'task:setStatus', payload: { ...s.stamp(), taskId: t.id, status: 'pending', teamId: null } } };
    });
}

/** Daily disinfection rounds: on a new day about half the finished sites are due again. */
export function planTaskReopen(s: SimState): Planned[] {
  return [...s.world.tasks.values()]
    .filter((t) => t.status === 'done' && s.rng.chance(0.5))
    .map((t) => {
      s.world.tasks.set(t.id, { ...t, status: 'pending', teamId: null });
      return { command: { name: 'task:setStatus', payload: { ...s.stamp(), taskId: t.id, status: 'pending', teamId: null } } };
    });
}

/** The nearest free disinfection team that can reach the site by road, preferring the site's district. */
function pickTeam(s: SimState, task: Task, site: number): Team | null {
  const busy = new Set([...s.jobs.values()].map((j) => j.teamId));
  const free = [...s.world.teams.values()].filter((t) => {
    const m = s.movers.get(t.id);
    return t.kind === 'disinfection' && !busy.has(t.id) && s.status.get(t.id) === 'on_duty' && m && s.ctx.comp[m.to] === s.ctx.comp[site];
  });
  const score = (t: Team): number => distM(s.movers.get(t.id)?.position ?? task.position, task.position) * (t.districtCode === task.districtCode ? 1 : 3);
  const best = free.sort((a, b) => score(a) - score(b))[0];
  // Further than this the team would need many real minutes to arrive; leave the task for a nearer one.
  return best && distM(s.movers.get(best.id)?.position ?? task.position, task.position) <= MAX_ASSIGN_M ? best : null;
}

/** Assigns at most one pending task per call. */
export function planAssignment(s: SimState, realNowMs: number): Planned[] {
  if (s.jobs.size >= MAX_JOBS) return [];
  const pending = [...s.world.tasks.values()].filter((t) => t.status === 'pending' && !s.jobs.has(t.id));
  if (pending.length === 0) return [];
  const task = s.rng.pick(pending);
  const site = s.ctx.graph.nearestNode(task.position);
  const team = pickTeam(s, task, site);
  const mover = team ? s.movers.get(team.id) : undefined;
  const path = mover ? shortestPath(s.ctx.graph, mover.to, site) : null;
  if (!team || !mover || !path) return [];
  routeMover(mover, path);
  s.jobs.set(task.id, { taskId: task.id, teamId: team.id, phase: 'assigned', sinceMs: realNowMs, untilMs: realNowMs + 2000 });
  s.world.tasks.set(task.id, { ...task, status: 'assigned', teamId: team.id });
  return [{ command: { name: 'task:setStatus', payload: { ...s.stamp(), taskId: task.id, status: 'assigned', teamId: team.id } } }];
}

/** Moves each job along: acknowledge → drive there → disinfect → complete. */
export function planJobs(s: SimState, realNowMs: number): Planned[] {
  return [...s.jobs.values()].flatMap((job) => step(s, job, realNowMs));
}

function step(s: SimState, job: Job, now: number): Planned[] {
  const task = s.world.tasks.get(job.taskId);
  const mover = s.movers.get(job.teamId);
  if (!task || !mover) {
    s.jobs.delete(job.taskId);
    return [];
  }
  const base = { taskId: job.taskId, teamId: job.teamId };
  if (job.phase === 'assigned' && now >= job.untilMs) {
    Object.assign(job, { phase: 'en_route', sinceMs: now });
    s.status.set(job.teamId, 'en_route');
    return [
      { command: { name: 'task:acknowledge', payload: { ...s.stamp(), ...base } } },
      { command: { name: 'team:setStatus', payload: { ...s.stamp(), teamId: job.teamId, status: 'en_route', taskId: job.taskId } } },
    ];
  }
  if (job.phase === 'en_route' && mover.arrived) {
    Object.assign(job, { phase: 'working', sinceMs: now, untilMs: now + s.rng.int(20, 60) * 1000 });
    s.status.set(job.teamId, 'working');
    return [
      { command: { name: 'task:setStatus', payload: { ...s.stamp(), ...base, status: 'in_progress' } } },
      { command: { name: 'team:setStatus', payload: { ...s.stamp(), teamId: job.teamId, status: 'working', taskId: job.taskId } } },
    ];
  }
  if (job.phase === 'working' && now >= job.untilMs) {
    s.jobs.delete(job.taskId);
    releaseMover(mover);
    s.status.set(job.teamId, 'on_duty');
    s.world.tasks.set(task.id, { ...task, status: 'done' });
    const agent = s.rng.pick(AGENTS);
    return [
      { command: { name: 'task:complete', payload: { ...s.stamp(), ...base, areaM2: task.areaM2, agent, notes: `${task.siteName}全面喷洒消毒，重点区域：出入口、电梯、垃圾收集点` } } },
      { command: { name: 'team:setStatus', payload: { ...s.stamp(), teamId: job.teamId, status: 'on_duty', taskId: null } } },
    ];
  }
  return [];
}
