import type { EventStore } from './eventStore.js';

/**
 * Told after every group commit how long it took until durable (ms), how many events it held, and
 * how long until it was committed (`heldMs`: what a wall waits for; the same as `ms` for a store
 * durable at commit); failed commits too.
 */
export type CommitObserver = (ms: number, events: number, heldMs: number) => void;

/**
 * Times every group commit of `store` until it is durable (`append` to its seqs; `appendCommitted`
 * to its `durable`), i.e. how long the batch waited for the disk. The commit runs on the store's
 * writer thread, so this is not time the event loop is held; nothing a commit carries is
 * acknowledged before it is durable, so a disk that stalls shows here first.
 */
export function observeCommits(store: EventStore, observe: CommitObserver): void {
  const append = store.append.bind(store);
  store.append = async (events) => {
    const t = performance.now();
    try {
      return await append(events);
    } finally {
      const ms = performance.now() - t;
      observe(ms, events.length, ms);
    }
  };
  if (!store.appendCommitted) return;
  const appendCommitted = store.appendCommitted.bind(store);
  store.appendCommitted = async (events) => {
    const t = performance.now();
    let heldMs = 0;
    const done = () => observe(performance.now() - t, events.length, heldMs);
    try {
      const committed = await appendCommitted(events);
      heldMs = performance.now() - t;
      void committed.durable.then(done, done);
      return committed;
    } catch (err) {
      heldMs = performance.now() - t;
      done();
      throw err;
    }
  };
}

export interface SlowCommit {
  ms: number;
  events: number;
  /** Commits over the limit since the last warning, this one included. */
  slowCommits: number;
  /** The longest of them, ms. */
  longestMs: number;
}

/**
 * What a commit may take per event it holds on top of `slowMs`: inserting rows is work too, and a
 * large batch (the demo's seed, 6,000 events; an ingest burst) is not a stall. Durable ingest runs at
 * ~18,000 reports/s on one core (docs/benchmarks.md), ~0.06 ms each.
 */
export const SLOW_COMMIT_MS_PER_EVENT = 0.1;

/**
 * Warns about commits slower than `slowMs` plus SLOW_COMMIT_MS_PER_EVENT for each event (the
 * operator's sign that the disk, not the server, is holding the walls back, as etcd warns of a slow
 * fdatasync): the first at once, then at most one per `everyMs`, counting those in between.
 * `slowMs` 0 warns of nothing.
 */
export function slowCommitWarner(slowMs: number, warn: (slow: SlowCommit) => void, now: () => number = Date.now, everyMs = 10_000): CommitObserver {
  let lastWarnedAt = -Infinity;
  let count = 0;
  let longest = 0;
  return (ms, events) => {
    if (slowMs <= 0 || ms <= slowMs + events * SLOW_COMMIT_MS_PER_EVENT) return;
    count++;
    longest = Math.max(longest, ms);
    if (now() - lastWarnedAt < everyMs) return;
    warn({ ms: Math.round(ms), events, slowCommits: count, longestMs: Math.round(longest) });
    lastWarnedAt = now();
    count = 0;
    longest = 0;
  };
}
