import type { LogEvent, NewEvent } from '../../shared/events.js';
import type { PictureState } from '../../shared/protocol.js';

/** A stored snapshot of the folded state at `seq`. */
export interface StoredSnapshot {
  seq: number;
  createdAt: number;
  state: PictureState;
}

/**
 * The durable event log. Every change is appended here before it is acknowledged or broadcast.
 * Async so that a networked backend (PostgreSQL) can implement it as well as embedded SQLite.
 */
export interface EventStore {
  /** What `/api/health` reports, e.g. `sqlite`. */
  readonly kind: string;
  /** File or connection the store writes to, for operators. */
  readonly location: string | null;
  /** Appends in one durable transaction; resolves with the seq of each event, in order. */
  append(events: NewEvent[]): Promise<number[]>;
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
  close(): Promise<void>;
}
