/**
 * Which live screens keep up with the deltas they are sent, from the receipts they send (`live:ack`).
 *
 * A screen that stops reading (a frozen tab, a wall PC under load, a link that stalls) would
 * otherwise have every tick's delta queued for it, first in the kernel and then in the server's
 * memory, and be shown a picture minutes old once it reads again. Instead, when its receipts fall
 * more than `stallMs` behind — the oldest delta it has not confirmed was sent that long ago — it
 * is taken out of the broadcast. Once it confirms everything it had been sent, it is served like a
 * reconnecting screen: a catch-up delta if that is small, else a fresh snapshot.
 *
 * Screens that never send a receipt (older clients, programs) are never dropped.
 */

export interface ReaderOptions {
  /** How far a screen's receipts may lag before it is dropped from the broadcast. @default 5000 */
  stallMs?: number;
  /** How long broadcast times are kept; older lags count as this old. @default 60000 */
  keepMs?: number;
}

/** A screen being tracked; `T` is whatever the caller needs to act on it (its socket and view). */
export interface Reader<T> {
  readonly item: T;
  /** The newest seq it confirmed. */
  ackedSeq: number;
  /** It has sent at least one receipt, so its silence means something. */
  acking: boolean;
  /** Set while it is out of the broadcast: the last seq it had been sent. */
  droppedAt: number | null;
}

export type AckOutcome<T> =
  | { kind: 'unknown' }
  | { kind: 'ahead'; sentSeq: number }
  | { kind: 'ok' }
  | { kind: 'resume'; reader: Reader<T> };

export class LiveReaders<T> {
  private readonly readers = new Map<string, Reader<T>>();
  /** Broadcast deltas, oldest first: the seq each ended at and when it was sent. */
  private sentSeqs: number[] = [];
  private sentAts: number[] = [];
  private readonly stallMs: number;
  private readonly keepMs: number;

  constructor(
    /** The seq of the last delta broadcast (what a screen in the broadcast has been sent). */
    private sentSeq: number,
    opts: ReaderOptions = {},
  ) {
    this.stallMs = opts.stallMs ?? 5000;
    this.keepMs = Math.max(opts.keepMs ?? 60_000, this.stallMs);
  }

  /** How often the caller should look for stalled screens: a quarter of the allowed lag, at most a second. */
  get checkEveryMs(): number {
    return Math.min(1000, this.stallMs / 4);
  }

  get size(): number {
    return this.readers.size;
  }

  /** A screen was served up to `seq` and joined the broadcast (again). */
  served(id: string, item: T, seq: number): void {
    const known = this.readers.get(id);
    if (known) {
      known.droppedAt = null;
      known.ackedSeq = Math.max(known.ackedSeq, seq);
      return;
    }
    this.readers.set(id, { item, ackedSeq: seq, acking: false, droppedAt: null });
  }

  remove(id: string): void {
    this.readers.delete(id);
  }

  /** A delta (or a heartbeat) ending at `toSeq` went to the broadcast at `at`. */
  broadcast(toSeq: number, at: number): void {
    if (toSeq <= this.sentSeq) return;
    this.sentSeq = toSeq;
    this.sentSeqs.push(toSeq);
    this.sentAts.push(at);
    if (this.sentAts[0]! < at - this.keepMs * 1.5) {
      const keep = this.sentAts.findIndex((t) => t >= at - this.keepMs);
      this.sentSeqs = this.sentSeqs.slice(keep);
      this.sentAts = this.sentAts.slice(keep);
    }
  }

  /**
   * A receipt. `ahead`: it claims a seq it was never sent (changes nothing). `resume`: it was out of
   * the broadcast and has now read everything it had been sent; the caller serves it again.
   */
  ack(id: string, seq: number): AckOutcome<T> {
    const r = this.readers.get(id);
    if (!r) return { kind: 'unknown' };
    const sent = r.droppedAt ?? this.sentSeq;
    if (seq > Math.max(sent, r.ackedSeq)) return { kind: 'ahead', sentSeq: Math.max(sent, r.ackedSeq) };
    r.acking = true;
    if (seq > r.ackedSeq) r.ackedSeq = seq;
    if (r.droppedAt !== null && r.ackedSeq >= r.droppedAt) {
      // Back in once served; its receipts count again after that.
      r.droppedAt = null;
      r.acking = false;
      return { kind: 'resume', reader: r };
    }
    return { kind: 'ok' };
  }

  /** Screens whose receipts lag more than `stallMs`, now marked as out of the broadcast. */
  dropStalled(now: number): Reader<T>[] {
    const out: Reader<T>[] = [];
    for (const r of this.readers.values()) {
      if (!r.acking || r.droppedAt !== null || r.ackedSeq >= this.sentSeq) continue;
      if (now - this.firstSentAfter(r.ackedSeq, now) <= this.stallMs) continue;
      r.droppedAt = this.sentSeq;
      out.push(r);
    }
    return out;
  }

  /** When the first delta past `seq` was broadcast (the oldest kept time when it is older). */
  private firstSentAfter(seq: number, now: number): number {
    const seqs = this.sentSeqs;
    let lo = 0;
    let hi = seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seqs[mid]! > seq) hi = mid;
      else lo = mid + 1;
    }
    return lo < seqs.length ? this.sentAts[lo]! : now;
  }
}
