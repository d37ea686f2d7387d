import { createChangeSet, changeCount, mergeChanges, type ChangeSet } from '../state/changes.js';

interface Entry {
  fromSeq: number;
  toSeq: number;
  changes: ChangeSet;
  size: number;
}

/**
 * Recent broadcast ticks, so a client that reconnects with its last seq gets only what it missed.
 * Bounded by the number of changed ids kept; older gaps are answered with a snapshot.
 *
 * The bound only needs to cover the largest catch-up worth sending: the broadcaster asks for at
 * most a fifth of the picture (~1,100 ids for the 5,700-entity bench world, ~2 s at workload W)
 * and sends a snapshot past that. 20,000 ids covers a 100,000-entity picture; the former 200,000
 * kept ~5 minutes of W that could never be served and grew the heap ~1.9 MB/min to 10.5 MB.
 */
export class ChangeHistory {
  private entries: Entry[] = [];
  private size = 0;

  /** @param baseSeq the seq the history starts at: nothing before it can be answered. */
  constructor(
    private baseSeq: number,
    private readonly maxIds = 20_000,
  ) {}

  push(fromSeq: number, toSeq: number, changes: ChangeSet): void {
    const size = changeCount(changes);
    this.entries.push({ fromSeq, toSeq, changes, size });
    this.size += size;
    while (this.size > this.maxIds && this.entries.length > 1) {
      const dropped = this.entries.shift()!;
      this.size -= dropped.size;
      this.baseSeq = dropped.toSeq;
    }
  }

  /**
   * Everything changed after `seq`, or null when the history no longer reaches back that far.
   * `limit` bounds the answer: past it a snapshot is cheaper than a delta.
   */
  since(seq: number, limit: number): ChangeSet | null {
    if (seq < this.baseSeq) return null;
    const out = createChangeSet();
    let n = 0;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.toSeq <= seq) break;
      n += e.size;
      if (n > limit) return null;
      mergeChanges(out, e.changes);
    }
    return out;
  }
}
