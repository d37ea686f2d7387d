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
  return { ...state, seq: snapshot.seq, trails, serverTime: snapshot.serverTime };
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
 * Folds a delta in. Call only when `deltaFit` says `next`.
 * Kinds the delta does not touch keep their object identity, so deck.gl layers built from them
 * do not re-run their accessors.
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
  const next = { ...current };
  for (const u of updates) next[u.id] = u;
  return next;
}

function mergeDays(current: Record<string, DayTotals>, updates: readonly DayTotals[] | undefined): Record<string, DayTotals> {
  if (!updates || updates.length === 0) return current;
  const next = { ...current };
  for (const d of updates) next[d.date] = d;
  return next;
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
  const nextTeams = { ...teams };
  let nextTrails = trails;
  for (const u of updates) {
    const prev = teams[u.id];
    const fix = compareFix(u, prev);
    if (fix === 'older' && prev) {
      // Fixes can reach us out of order (store-and-forward phones, trackers); keep the newest one.
      nextTeams[u.id] = keepFix(u, prev);
      continue;
    }
    nextTeams[u.id] = u;
    if (fix === 'newer' && u.position) {
      if (nextTrails === trails) nextTrails = { ...trails };
      nextTrails[u.id] = appendTrail(trails[u.id], u.position);
    }
  }
  return { teams: nextTeams, trails: nextTrails };
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
