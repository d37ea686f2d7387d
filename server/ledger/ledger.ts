import type { CommandName, CommandOf } from '../../shared/commands.js';
import type { LogEvent, NewEvent } from '../../shared/events.js';
import { emptyState, type Ack, type PictureState } from '../../shared/protocol.js';
import type { Committed, EventStore } from '../store/eventStore.js';
import { createChangeSet, type ChangeSet } from '../state/changes.js';
import { foldEvent } from '../state/fold.js';
import { checkAgainstState, isCommandName, parseCommand, reject, type Rejection } from '../commands/validate.js';

/** Decides whether an actor may send this command; null allows it. The accounts issue plugs its roles in here. */
export type Authorize = <N extends CommandName>(actor: string, name: N, cmd: CommandOf<N>) => Rejection | null;

export interface LedgerOptions {
  store: EventStore;
  /** Write a snapshot every this many events. @default 20000 */
  snapshotEvery?: number;
  /**
   * A group commit starts at most this often. A lone report still commits at once; under load a
   * report waits up to this long for the next commit, and the log fsyncs (and hands rows to its
   * writer thread) this many times a second at most instead of as fast as commits complete.
   * The server sets it a little longer than the broadcast tick (`pacedCommitIntervalMs`), whose
   * timer starts each commit (`commitNow`), so this timer is only the fallback: see Broadcaster.start.
   * @default 10
   */
  commitIntervalMs?: number;
  now?: () => number;
  authorize?: Authorize;
  /** Told of each committed event right after it is folded, before it is durable (the bench's naive baseline emits from here). */
  onFolded?: (event: LogEvent) => void;
  onError?: (err: unknown) => void;
}

const MAX_CLOCK_AHEAD_MS = 24 * 3600_000;

interface Pending {
  event: NewEvent;
  resolve: (ack: Ack) => void;
}

/**
 * Owns the live state and the only way to change it: validate → append (group commit) → fold →
 * acknowledge once durable. Commands arriving in the same turn of the event loop share one
 * transaction, so the fsync is paid once per batch rather than once per report.
 */
export class Ledger {
  readonly state: PictureState = emptyState();
  private changes: ChangeSet = createChangeSet();
  private queue: Pending[] = [];
  private inFlight = new Map<string, Promise<Ack>>();
  /** A commit under way (from its start until its reports are folded; their acks wait for `durable`). */
  private flushing: Promise<void> | null = null;
  /** Cancels the timer of a commit that is due but not yet started. */
  private cancelScheduled: (() => void) | null = null;
  private snapshotting: Promise<void> | null = null;
  /** Acknowledgements of the newest committed batch, sent once it is durable (batches become durable in order). */
  private acking: Promise<void> = Promise.resolve();
  /** Set once a committed batch could not be made durable: from then on nothing is acknowledged. */
  private diskFailed = false;
  private lastSnapshotSeq = 0;
  private lastFlushAt = -Infinity;
  private readonly snapshotEvery: number;
  private readonly now: () => number;

  constructor(private readonly opts: LedgerOptions) {
    this.snapshotEvery = opts.snapshotEvery ?? 20_000;
    this.now = opts.now ?? Date.now;
  }

  get store(): EventStore {
    return this.opts.store;
  }

  /** Rebuilds the state from the newest snapshot plus the events after it. */
  async load(): Promise<{ fromSnapshot: number; replayed: number }> {
    const snap = await this.opts.store.latestSnapshot();
    if (snap) Object.assign(this.state, snap.state);
    this.lastSnapshotSeq = snap?.seq ?? 0;
    let replayed = 0;
    for await (const e of this.opts.store.readEvents(this.state.seq)) {
      foldEvent(this.state, e, this.changes);
      replayed++;
    }
    this.changes = createChangeSet();
    return { fromSnapshot: snap?.seq ?? 0, replayed };
  }

  /** Validates and applies one command from `actor`; resolves once it is durable (or rejected). */
  submit(name: string, payload: unknown, actor: string): Promise<Ack> {
    if (!isCommandName(name)) return Promise.resolve(reject('unknown_event', `unknown command ${name}`));
    const parsed = parseCommand(name, payload);
    if (!parsed.ok) return Promise.resolve(parsed);
    const cmd = parsed.command;
    // A phone clock may be off by minutes; a day ahead is a wrong clock or a forged report.
    if (cmd.recordedAt > this.now() + MAX_CLOCK_AHEAD_MS) {
      return Promise.resolve(reject('invalid', 'recordedAt is more than a day ahead of the server clock: check the device clock'));
    }
    const denied = this.opts.authorize?.(actor, name, cmd);
    if (denied) return Promise.resolve(denied);
    const same = this.inFlight.get(cmd.reportId);
    if (same) return same.then((a) => (a.ok ? { ...a, duplicate: true } : a));
    const result = this.admit(name, cmd, actor);
    this.inFlight.set(cmd.reportId, result);
    void result.finally(() => this.inFlight.delete(cmd.reportId));
    return result;
  }

  private async admit(name: CommandName, cmd: { reportId: string; recordedAt: number }, actor: string): Promise<Ack> {
    // A resend of a report whose batch never became durable would otherwise be acknowledged as a duplicate.
    if (this.diskFailed) return reject('unavailable', 'the event log could not be written to disk; the server needs its operator');
    let seen: number | null;
    try {
      seen = await this.opts.store.findReport(cmd.reportId);
    } catch (err) {
      this.opts.onError?.(err);
      return reject('unavailable', 'the event log could not be read; retry later');
    }
    if (seen !== null) return { ok: true, seq: seen, duplicate: true };
    // Checked after the await so the state includes everything committed before this command.
    const bad = checkAgainstState(this.state, name, cmd as never);
    if (bad) return bad;
    const event: NewEvent = {
      type: name,
      actor,
      reportId: cmd.reportId,
      deviceTime: cmd.recordedAt,
      serverTime: this.now(),
      data: cmd as NewEvent['data'],
    };
    return new Promise<Ack>((resolve) => {
      this.queue.push({ event, resolve });
      this.scheduleFlush();
    });
  }

  /** Appends events made by the server itself (seeding, imports), durably, and folds them. */
  async appendSystem(events: NewEvent[]): Promise<number[]> {
    const seqs = await this.opts.store.append(events);
    seqs.forEach((seq, i) => foldEvent(this.state, { ...events[i]!, seq } as LogEvent, this.changes));
    this.maybeSnapshot();
    await this.snapshotting;
    return seqs;
  }

  /** Returns what changed since the last call and starts a new change set. */
  takeChanges(): ChangeSet {
    const c = this.changes;
    this.changes = createChangeSet();
    return c;
  }

  /** Resolves when everything queued so far is committed, durable and acknowledged (and a snapshot under way is written). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length || this.snapshotting) await (this.flushing ?? (this.queue.length ? this.commitNow() : this.snapshotting));
    await this.acking;
  }

  /**
   * Starts a group commit of what is queued now instead of waiting for the interval, and resolves
   * once it is folded (its acknowledgements follow once it is durable). With a commit already under
   * way, resolves when that one is; what queued after it waits for the next. Nothing queued:
   * resolves at once.
   */
  commitNow(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (!this.queue.length) return Promise.resolve();
    return this.startFlush();
  }

  private scheduleFlush(): void {
    if (this.flushing || this.cancelScheduled) return;
    const wait = this.lastFlushAt + (this.opts.commitIntervalMs ?? 10) - performance.now();
    // Without a wait, still after this turn of the event loop: commands arriving in it share the commit.
    if (wait > 1) {
      const timer = setTimeout(() => void this.startFlush(), wait);
      this.cancelScheduled = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(() => void this.startFlush());
      this.cancelScheduled = () => clearImmediate(immediate);
    }
  }

  private startFlush(): Promise<void> {
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.queue.length) this.scheduleFlush();
    });
    return this.flushing;
  }

  private async flush(): Promise<void> {
    this.lastFlushAt = performance.now();
    const batch = this.queue;
    this.queue = [];
    if (!batch.length) return;
    let committed: Committed;
    try {
      committed = await this.commit(batch.map((p) => p.event));
    } catch (err) {
      this.opts.onError?.(err);
      for (const p of batch) p.resolve(reject('unavailable', 'the event log could not be written; retry later'));
      return;
    }
    const { seqs, durable } = committed;
    // Folded (and so broadcast at the next tick) once committed; acknowledged once durable.
    batch.forEach((p, i) => {
      const event = { ...p.event, seq: seqs[i]! } as LogEvent;
      foldEvent(this.state, event, this.changes);
      this.opts.onFolded?.(event);
    });
    this.acking = durable.then(
      () => batch.forEach((p, i) => p.resolve({ ok: true, seq: seqs[i]!, duplicate: false })),
      (err: unknown) => {
        this.diskFailed = true;
        this.opts.onError?.(err);
        for (const p of batch) p.resolve(reject('unavailable', 'the event log could not be written to disk; retry later'));
      },
    );
    this.maybeSnapshot();
  }

  /**
   * One group commit: through `appendCommitted` where the store has it, so a batch is folded while
   * its fsync is still under way (a disk that stalls delays acknowledgements, not the walls).
   */
  private commit(events: NewEvent[]): Promise<Committed> {
    const store = this.opts.store;
    if (store.appendCommitted) return store.appendCommitted(events);
    return store.append(events).then((seqs) => ({ seqs, durable: Promise.resolve() }));
  }

  /**
   * Starts a snapshot when one is due, without waiting for it: writing 5,000 cells takes tens of
   * milliseconds (in slices, see stringifyInSlices), and group commits go on meanwhile.
   */
  private maybeSnapshot(): void {
    if (this.snapshotting || this.state.seq - this.lastSnapshotSeq < this.snapshotEvery) return;
    this.snapshotting = this.snapshotNow()
      .catch((err: unknown) => this.opts.onError?.(err))
      .finally(() => (this.snapshotting = null));
  }

  /** Writes a snapshot of the current state so restart replays only the tail. */
  async snapshotNow(): Promise<void> {
    this.lastSnapshotSeq = this.state.seq;
    await this.opts.store.saveSnapshot({ seq: this.state.seq, createdAt: this.now(), state: this.state });
  }
}
