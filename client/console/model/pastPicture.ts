import type { LngLat } from '../../../shared/geo.js';
import type { Snapshot } from '../../../shared/protocol.js';
import { TRAIL_LENGTH, type WallState } from '../../state/picture.js';

/**
 * Trails while replaying forward: each fetched past picture knows only where teams are, so the trail
 * is built from the pictures shown before it. Jumping back (or far) starts the trails afresh.
 */
export function continueTrails(prev: WallState | null, next: WallState): WallState {
  if (!prev || next.seq <= prev.seq) return next;
  const trails: Record<string, readonly LngLat[]> = {};
  for (const [id, team] of Object.entries(next.teams)) {
    const p = team.position;
    if (!p) continue;
    const old = prev.trails[id] ?? [];
    const last = old[old.length - 1];
    const path = last && last[0] === p[0] && last[1] === p[1] ? old : [...old, p];
    trails[id] = path.length > TRAIL_LENGTH ? path.slice(path.length - TRAIL_LENGTH) : path;
  }
  return { ...next, trails };
}

/** Loads snapshots for a moving cursor. */
export interface PastLoader {
  /** Asks for the picture at `seq`; while one is loading, only the latest asked-for seq is loaded next. */
  request(seq: number): void;
  close(): void;
}

/**
 * One request at a time, latest wins: dragging the slider across 200 positions makes two or three
 * requests of ~4 MB, not 200, and a slow answer never overwrites a newer one.
 */
export function createPastLoader(fetchSnapshot: (seq: number) => Promise<Snapshot>, onLoad: (s: Snapshot) => void, onError: (err: unknown) => void): PastLoader {
  let busy = false;
  let closed = false;
  let wanted: number | null = null;
  let shown: number | null = null;
  const pump = async (): Promise<void> => {
    if (busy || closed || wanted === null || wanted === shown) return;
    const seq = wanted;
    busy = true;
    try {
      const snapshot = await fetchSnapshot(seq);
      shown = seq;
      if (!closed) onLoad(snapshot);
    } catch (err) {
      // Give up on this seq; a new request (or the next tick) asks again.
      wanted = wanted === seq ? null : wanted;
      if (!closed) onError(err);
    } finally {
      busy = false;
    }
    return pump();
  };
  return {
    request(seq) {
      wanted = seq;
      void pump();
    },
    close() {
      closed = true;
    },
  };
}
