import { emptyState, type PictureState } from '../../shared/protocol.js';
import type { EventStore } from '../store/eventStore.js';
import { createChangeSet } from '../state/changes.js';
import { foldEvent } from '../state/fold.js';

/** A moment of the log: an event seq, or a server time (epoch ms; the last event at or before it). */
export type Moment = { seq: number } | { time: number };

/**
 * The last few states built, by seq. Scrubbing a time slider asks for many nearby moments; starting
 * from the nearest earlier state saves parsing a multi-megabyte snapshot and refolding the same events.
 * States in it are shared: treat what `stateAt` returns as read-only.
 */
export class StateCache {
  private readonly states = new Map<number, PictureState>();

  /** @param size states kept; each is a whole picture (~6 MB of heap for 5,000 cells). @default 4 */
  constructor(private readonly size = 4) {}

  /** The cached state with the greatest seq in [from, to], or null. */
  nearest(from: number, to: number): PictureState | null {
    let best: PictureState | null = null;
    for (const [seq, state] of this.states) if (seq >= from && seq <= to && (!best || seq > best.seq)) best = state;
    if (best) this.touch(best);
    return best;
  }

  put(state: PictureState): void {
    this.touch(state);
    while (this.states.size > this.size) this.states.delete(this.states.keys().next().value!);
  }

  private touch(state: PictureState): void {
    this.states.delete(state.seq);
    this.states.set(state.seq, state);
  }
}

/** Resolves a moment to a seq in [0, lastSeq]. */
export async function seqOf(store: EventStore, moment: Moment): Promise<number> {
  const last = await store.lastSeq();
  return 'seq' in moment ? Math.max(0, Math.min(moment.seq, last)) : Math.min(await store.seqAt(moment.time), last);
}

/**
 * The picture as it was right after the event at `moment`: the newest snapshot at or before it (or a
 * cached state between that snapshot and the target) plus the events up to the target, folded.
 */
export async function stateAt(store: EventStore, moment: Moment, opts: { cache?: StateCache } = {}): Promise<PictureState> {
  const target = await seqOf(store, moment);
  const snapSeq = (await store.snapshotSeqAt(target)) ?? 0;
  const cached = opts.cache?.nearest(snapSeq, target);
  if (cached?.seq === target) return cached;
  const base = cached ? copyMaps(cached) : snapSeq > 0 ? await readSnapshot(store, snapSeq) : emptyState();
  // One change set for the whole replay: nobody reads it, and fold needs somewhere to write.
  const changes = createChangeSet();
  for await (const e of store.readEvents(base.seq, target)) foldEvent(base, e, changes);
  opts.cache?.put(base);
  return base;
}

async function readSnapshot(store: EventStore, seq: number): Promise<PictureState> {
  const snap = await store.latestSnapshot(seq);
  if (!snap || snap.seq !== seq) throw new Error(`snapshot ${seq} disappeared while reading it`);
  return snap.state;
}

/**
 * Fold replaces entity objects and never edits them in place, so copying the maps is enough to fold
 * on without changing a state someone else holds.
 */
function copyMaps(s: PictureState): PictureState {
  return {
    seq: s.seq,
    clock: s.clock,
    cells: { ...s.cells },
    checkpoints: { ...s.checkpoints },
    teams: { ...s.teams },
    tasks: { ...s.tasks },
    incidents: { ...s.incidents },
    days: { ...s.days },
  };
}
