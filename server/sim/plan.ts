import { shanghaiMidnight } from '../../shared/time.js';
import { createRng } from '../scenario/prng.js';
import { planCellReports } from './cellsPlan.js';
import { planCheckpointStatus, planTallies } from './checkpointsPlan.js';
import { planClock } from './clockPlan.js';
import type { Stamper } from './commands.js';
import { planIncidents, planVisits } from './eventsPlan.js';
import type { Planned, SimContext, SimState } from './state.js';
import { planAssignment, planJobs, planTaskReopen, planTaskReset } from './tasksPlan.js';
import { ensureMovers, planTeams } from './teamsPlan.js';
import type { World } from './world.js';

export interface SimStateOptions {
  /** First scenario date (YYYY-MM-DD), used unless the server already has a clock. */
  start: string;
  realNowMs: number;
  stamp: Stamper;
  newId: () => string;
}

/** Starts at `start` 00:00 Asia/Shanghai, or resumes from the server's clock after a restart. */
export function createSimState(ctx: SimContext, world: World, opts: SimStateOptions): SimState {
  const scenarioTime = Math.min(ctx.endTime, world.clock?.scenarioTime ?? shanghaiMidnight(opts.start));
  return {
    ctx,
    world,
    rng: createRng(ctx.seed ^ 0x51a7),
    stamp: opts.stamp,
    newId: opts.newId,
    scenarioTime,
    lastRealMs: opts.realNowMs,
    date: null,
    held: false,
    lastClockRealMs: 0,
    lastTallyScenario: scenarioTime,
    movers: new Map(),
    status: new Map(),
    battery: new Map(),
    busyUntil: new Map(),
    lastFix: new Map(),
    external: new Set(),
    sentCounts: new Map(),
    districtActive: new Map(),
    cpStatus: new Map(),
    jobs: new Map(),
    tick: 0,
  };
}

/**
 * One real-time tick (about a second): everything the world does in it, as commands, in the order
 * they must reach the server — the clock first, so a new day's counts land after the day rolls over.
 * No I/O; it only mutates `s`.
 */
export function planTick(s: SimState, realNowMs: number): Planned[] {
  const dtS = Math.min(5, Math.max(0, (realNowMs - s.lastRealMs) / 1000));
  const scenarioBefore = s.scenarioTime;
  const first = s.tick === 0;
  ensureMovers(s);
  const { planned, newDate } = planClock(s, realNowMs);
  const out = [...planned];
  if (newDate) out.push(...planCellReports(s, newDate));
  if (first) out.push(...planTaskReset(s));
  else if (newDate) out.push(...planTaskReopen(s));
  out.push(...planCheckpointStatus(s));
  out.push(...planTeams(s, realNowMs, dtS));
  out.push(...planJobs(s, realNowMs));
  if (s.tick % 4 === 0) out.push(...planAssignment(s, realNowMs));
  if (s.tick % 3 === 0) out.push(...planTallies(s));
  out.push(...planIncidents(s, (s.scenarioTime - scenarioBefore) / 86_400_000));
  out.push(...planVisits(s));
  s.tick++;
  return out;
}
