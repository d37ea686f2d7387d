import type { LogEvent, NewEvent } from '../../shared/events.js';
import type { PictureState } from '../../shared/protocol.js';

/** A stored snapshot of the folded state at `seq`. */
export interface StoredSnapshot {
  seq: number;
  createdAt: number;
  state: PictureState;
}

export interface EntityEventsOptions {
  /** @default 100 */
  limit?: number;
  beforeSeq?: number;
  /** @default 0 */
  afterSeq?: number;
  /** @default 'newest' */
  order?: 'newest' | 'oldest';
}

/** A committed append: the seq of each event, readable at once, and when it would survive a power cut. */
export interface Committed {
  seqs: number[];
  durable: Promise<void>;
}

/**
 * The durable event log. Every change is appended here before it is acknowledged or broadcast.
 * Async so that a networked backend (PostgreSQL) can implement it as well as embedded SQLite.
 */
export interface EventStore {
  /** What `/api/health` reports, e.g. `sqlite`. */
  readonly kind: string;
  /** Names this log's history; a client holding a seq of another log must start from a snapshot. */
  readonly logId: string;
  /** File or connection the store writes to, for operators. */
  readonly location: string | null;
  /** Appends in one durable transaction; resolves with the seq of each event, in order. */
  append(events: NewEvent[]): Promise<number[]>;
  /**
   * The same transaction, resolving once it is committed (readable by every reader of the log and
   * safe from a crash of this process) with `durable` resolving once it would also survive a power
   * cut. Lets the ledger show a batch while its fsync is still under way, and acknowledge it after.
   * A store without it is durable at commit (`append`).
   */
  appendCommitted?(events: NewEvent[]): Promise<Committed>;
  /** Seq of the event that carried this client report id, or null. */
  findReport(reportId: string): Promise<number | null>;
  /** Events with seq > afterSeq (and ≤ toSeq when given), in order. */
  readEvents(afterSeq: number, toSeq?: number): AsyncIterable<LogEvent>;
  /** Seq of the last event, 0 for an empty log. */
  lastSeq(): Promise<number>;
  /** Newest snapshot with seq ≤ atSeq (default: newest of all). */
  latestSnapshot(atSeq?: number): Promise<StoredSnapshot | null>;
  saveSnapshot(snapshot: StoredSnapshot): Promise<void>;
  countEvents(): Promise<number>;
  /** Seq of the newest snapshot with seq ≤ atSeq, without reading it; null when there is none. */
  snapshotSeqAt(atSeq: number): Promise<number | null>;
  /** Events that named `entity` (`kind:id`, see server/history/entities.ts) with afterSeq < seq < beforeSeq, newest first unless `order: 'oldest'`. */
  entityEvents(entity: string, opts?: EntityEventsOptions): Promise<LogEvent[]>;
  /** Events with fromServerTime ≤ serverTime ≤ toServerTime and seq > afterSeq, in seq order. */
  eventsBetween(fromServerTime: number, toServerTime: number, opts?: { limit?: number; afterSeq?: number }): Promise<LogEvent[]>;
  /** Seq of the last event with serverTime ≤ t, 0 when there is none. */
  seqAt(serverTime: number): Promise<number>;
  close(): Promise<void>;
}
