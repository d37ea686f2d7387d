import type { Design, LoadPlan, Phase, ServerConfig } from '../ipc.js';
import type { RunRecord } from '../runOnce.js';
import type { World } from '../world.js';

/** Workload W input rates: 500 teams at 1 Hz, 200 checkpoints every 5 s, 5,000 cells at 1 %/s. */
export const W_RATES = { teamHz: 1, checkpointHz: 0.2, cellHz: 0.01 } as const;

/** W's input scaled by `m` (the fan-out knee steps it up). */
export function wPhase(name: string, durationMs: number, m = 1, measured = true): Phase {
  return { name, durationMs, teamHz: W_RATES.teamHz * m, checkpointHz: W_RATES.checkpointHz * m, cellHz: W_RATES.cellHz * m, measured };
}

export interface ScenarioContext {
  quick: boolean;
  world: World;
  worldFile: string;
}

export type Metrics = Record<string, number | null>;

export interface Evaluation {
  valid: boolean;
  reason?: string;
  metrics: Metrics;
  /** Extra series for plots (e.g. the knee curve). */
  series?: Record<string, number[][]>;
}

export interface Scenario {
  name: string;
  /** @default ['ours', 'naive'] */
  designs?: Design[];
  spec(
    design: Design,
    ctx: ScenarioContext,
  ): {
    server: Omit<ServerConfig, 'design' | 'dataDir'>;
    plan: Omit<LoadPlan, 'design' | 'url' | 'sessions' | 'tokens'>;
    /** Generator marks (e.g. `end:before`) at which the server runs a full GC and reports its live memory. */
    gcAtMarks?: string[];
  };
  evaluate(r: RunRecord, ctx: ScenarioContext): Evaluation;
}

/**
 * Walls of W: 498 raw clients + 2 real socket.io-client walls with the real reducer. Two, not more:
 * the reducer copies the 5,000-cell table on every delta (~2 ms), and four of them took a tenth of
 * the generator's core.
 */
export const W_WALLS = { rawWalls: 498, realWalls: 2 } as const;

/** Ids, the OsmAnd share (every 10th team reports over HTTP) and the server config shared by every scenario. */
export function basePlan(ctx: ScenarioContext) {
  const teams = ctx.world.teams.map((t) => t.id);
  const httpTeams = teams.filter((_, i) => i % 10 === 9);
  const http = new Set(httpTeams);
  return {
    server: { worldFile: ctx.worldFile, httpTeams, socketTeams: teams.filter((t) => !http.has(t)) },
    plan: {
      teams,
      checkpoints: ctx.world.checkpoints.map((c) => c.id),
      cells: ctx.world.cells.map((c) => c.id),
      httpTeams,
      ...W_WALLS,
      wallConnectRate: 100,
      naiveSkipState: true,
      drainMs: 2000,
    },
  };
}

/** A generator that used nearly all of its core cannot tell how fast the server is. */
export const GENERATOR_LIMIT = 0.9;

export function generatorCheck(loadCpu: number | null): { valid: boolean; reason?: string } {
  if (loadCpu === null) return { valid: false, reason: 'no generator CPU sample' };
  return loadCpu > GENERATOR_LIMIT ? { valid: false, reason: `generator-bound (${(loadCpu * 100).toFixed(0)} % of its core)` } : { valid: true };
}

/**
 * A commit that took longer than this to be durable met the disk's stall, not the server's load.
 * A batch reaches the walls once committed and is acknowledged once its fsync ends, so an
 * fsync stall delays acknowledgements (and latency only where the commit itself was held: its WAL
 * write waited for the disk too); before the tenth round, it delayed every report behind it on every
 * wall. Runs that had one say so (`diskNote`); they stay valid, since the disk is part of the server.
 */
export const DISK_STALL_MS = 100;

/**
 * The note for a run whose event log took longer than DISK_STALL_MS over one commit, or undefined:
 * `heldMs` until committed (walls waited), else `durableMs` until fsynced (only acks waited). Both
 * are timed on the event loop, so where it was itself held at least half as long (`eldMaxMs`: an
 * overloaded server, as the baseline at W) the note says that instead of blaming the disk.
 */
export function diskNote(durableMs: number | null | undefined, heldMs: number | null | undefined = durableMs, eldMaxMs?: number | null): string | undefined {
  const worst = Math.max(durableMs ?? 0, heldMs ?? 0);
  if (worst <= DISK_STALL_MS) return undefined;
  if (eldMaxMs != null && eldMaxMs >= worst / 2) {
    return `commits took up to ${Math.round(worst)} ms while the event loop was held ${Math.round(eldMaxMs)} ms: the server's own load, not the disk`;
  }
  if (heldMs != null && heldMs > DISK_STALL_MS) {
    return `disk: a commit was held ${Math.round(heldMs)} ms before walls could see it (its WAL write waited for the disk); latency here includes it`;
  }
  return `disk: one commit took ${Math.round(worst)} ms to be durable (the log's fsync); acks waited for it, walls did not`;
}

/** A validity check with notes appended to its reason (notes never make a run invalid). */
export function withNotes<T extends { valid: boolean; reason?: string }>(check: T, ...notes: (string | undefined)[]): T {
  const reason = [check.reason, ...notes].filter(Boolean).join('; ');
  return reason ? { ...check, reason } : check;
}

export function aborted(r: RunRecord): Evaluation | null {
  if (r.aborted || !r.result) return { valid: false, reason: r.aborted ?? 'no result', metrics: {} };
  return null;
}

/** A latency figure, or null when nothing was delivered (an empty histogram's 0 would read as perfect). */
export function ms(l: { count: number }, pick: number): number | null {
  return l.count > 0 ? pick : null;
}
