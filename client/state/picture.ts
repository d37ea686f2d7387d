import type { Cell, DayTotals, Team } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import type { Delta, PictureState, Snapshot } from '../../shared/protocol.js';

/** Positions kept per team for its short trail on the map. */
export const TRAIL_LENGTH = 10;

/** What the wall draws: the server's picture plus client-only history. */
export interface WallState extends PictureState {
  /** Last few fixes per team (WGS-84), oldest first, newest = the team's current position. */
  trails: Record<string, readonly LngLat[]>;
  /** Server time of the last snapshot or delta folded in. */
  serverTime: number;
}

/** How a delta relates to the state: the next one, one we already have, or one after a gap. */
export type DeltaFit = 'next' | 'stale' | 'gap';

export function applySnapshot(snapshot: Snapshot): WallState {
  const { state } = snapshot;
  const trails: Record<string, readonly LngLat[]> = {};
  for (const team of Object.values(state.teams)) {
    if (team.position) trails[team.id] = [team.position];
  }
  // Copied once here so that every table of the picture is one this module made (see tableKeys).
  return {
    ...state,
    cells: owned(state.cells),
    checkpoints: owned(state.checkpoints),
    teams: owned(state.teams),
    tasks: owned(state.tasks),
    incidents: owned(state.incidents),
    days: owned(state.days),
    seq: snapshot.seq,
    trails: owned(trails),
    serverTime: snapshot.serverTime,
  };
}

/**
 * `stale` when everything in the delta is already folded in (a resend after reconnect).
 * A delta that overlaps our seq is `next`: deltas carry whole entities in their latest state,
 * so re-applying the overlapping part changes nothing. Only a hole before `fromSeq` is a `gap`.
 */
export function deltaFit(seq: number, delta: Delta): DeltaFit {
  if (delta.toSeq <= seq) return 'stale';
  if (delta.fromSeq > seq) return 'gap';
  return 'next';
}

/**
 * Folds a delta in. Call only when `deltaFit` says `next`. Pure: `state` is not changed.
 * Kinds the delta does not touch keep their object identity, so deck.gl layers built from them
 * do not re-run their accessors; a kind it touches is a new table sharing the untouched entities.
 */
export function applyDelta(state: WallState, delta: Delta): WallState {
  const { teams, trails } = mergeTeams(state.teams, state.trails, delta.teams);
  return {
    ...state,
    seq: delta.toSeq,
    serverTime: delta.serverTime,
    clock: delta.clock ?? state.clock,
    cells: mergeById<Cell>(state.cells, delta.cells),
    checkpoints: mergeById(state.checkpoints, delta.checkpoints),
    tasks: mergeById(state.tasks, delta.tasks),
    incidents: mergeById(state.incidents, delta.incidents),
    days: mergeDays(state.days, delta.days),
    teams,
    trails,
  };
}

function mergeById<T extends { id: string }>(current: Record<string, T>, updates: readonly T[] | undefined): Record<string, T> {
  if (!updates || updates.length === 0) return current;
  return withUpdates(current, updates, (u) => u.id, (u) => u);
}

function mergeDays(current: Record<string, DayTotals>, updates: readonly DayTotals[] | undefined): Record<string, DayTotals> {
  if (!updates || updates.length === 0) return current;
  return withUpdates(current, updates, (d) => d.date, (d) => d);
}

/**
 * Key lists of the tables this module made. A table must get a new identity when it changes
 * (React memos and deck.gl layers compare by identity), so a changed table is copied, never
 * mutated. How it is copied matters at 5,000 cells: `{ ...table }` took ~1.6 ms in Node 20 (V8
 * walks a dictionary-mode object), a loop over a known key list ~0.7 ms. Only tables made here are
 * listed: nothing mutates them afterwards, so their list stays true. (Most of the rest of a
 * 4,300-cell delta, ~1 ms, is hashing the ids freshly parsed from JSON, whatever the table is.)
 */
const tableKeys = new WeakMap<object, readonly string[]>();

/** A copy of `table` with each update put in under its key; `table` itself is not changed. */
function withUpdates<T, U>(table: Record<string, T>, updates: readonly U[], keyOf: (u: U) => string, valueOf: (u: U) => T): Record<string, T> {
  const keys = tableKeys.get(table) ?? Object.keys(table);
  const next: Record<string, T> = {};
  for (let i = 0; i < keys.length; i++) next[keys[i]!] = table[keys[i]!]!;
  let added: string[] | null = null;
  for (const u of updates) {
    const key = keyOf(u);
    if (!Object.hasOwn(next, key)) (added ??= []).push(key);
    next[key] = valueOf(u);
  }
  tableKeys.set(next, added ? keys.concat(added) : keys);
  return next;
}

/** A copy of a table from outside (a snapshot): from here on its key list is known. */
function owned<T>(table: Record<string, T>): Record<string, T> {
  return withUpdates(table, [] as T[], () => '', (u) => u);
}

interface TeamsAndTrails {
  teams: Record<string, Team>;
  trails: Record<string, readonly LngLat[]>;
}

function mergeTeams(
  teams: Record<string, Team>,
  trails: Record<string, readonly LngLat[]>,
  updates: readonly Team[] | undefined,
): TeamsAndTrails {
  if (!updates || updates.length === 0) return { teams, trails };
  const moved: [string, readonly LngLat[]][] = [];
  const merged = updates.map((u) => {
    const prev = teams[u.id];
    const fix = compareFix(u, prev);
    // Fixes can reach us out of order (store-and-forward phones, trackers); keep the newest one.
    if (fix === 'older' && prev) return keepFix(u, prev);
    if (fix === 'newer' && u.position) moved.push([u.id, appendTrail(trails[u.id], u.position)]);
    return u;
  });
  return {
    teams: withUpdates(teams, merged, (t) => t.id, (t) => t),
    trails: moved.length ? withUpdates(trails, moved, ([id]) => id, ([, trail]) => trail) : trails,
  };
}

function compareFix(next: Team, prev: Team | undefined): 'newer' | 'same' | 'older' {
  const a = next.reportedAt;
  const b = prev?.reportedAt ?? null;
  if (a === b) return 'same';
  if (a === null) return 'older';
  if (b === null || a > b) return 'newer';
  return 'older';
}

/** The update's status and task, with the previous (newer) fix. */
function keepFix(update: Team, prev: Team): Team {
  return {
    ...update,
    position: prev.position,
    headingDeg: prev.headingDeg,
    speedMps: prev.speedMps,
    accuracyM: prev.accuracyM,
    batteryPct: prev.batteryPct,
    reportedAt: prev.reportedAt,
    receivedAt: prev.receivedAt,
  };
}

function appendTrail(trail: readonly LngLat[] | undefined, position: LngLat): readonly LngLat[] {
  const next = trail ? [...trail, position] : [position];
  return next.length > TRAIL_LENGTH ? next.slice(next.length - TRAIL_LENGTH) : next;
}
