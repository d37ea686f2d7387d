import { Histogram } from './histogram.js';

/**
 * Every report the generator sent, per entity, in send order, with the version the entity will carry
 * once it is applied: a team's `reportedAt` (= the report's `recordedAt`), a cell's `lastVisitAt`
 * (= the visit's `recordedAt`), a checkpoint's `staffOnDuty` (a per-checkpoint counter: a status
 * change carries no device time, so the send time is kept here).
 */
export class Reports {
  readonly version: number[][];
  readonly sentAt: number[][];
  readonly ackSeq: number[][];
  readonly phase: number[][];
  readonly rejected: boolean[][];
  constructor(readonly entityCount: number) {
    const make = <T>() => Array.from({ length: entityCount }, () => [] as T[]);
    this.version = make();
    this.sentAt = make();
    this.ackSeq = make();
    this.phase = make();
    this.rejected = make();
  }

  add(e: number, version: number, sentAt: number, phase: number): number {
    this.version[e]!.push(version);
    this.sentAt[e]!.push(sentAt);
    this.ackSeq[e]!.push(0);
    this.phase[e]!.push(phase);
    return this.rejected[e]!.push(false) - 1;
  }

  lastVersion(e: number): number {
    const v = this.version[e]!;
    return v.length ? v[v.length - 1]! : 0;
  }
}

/** Histograms by phase for one group of walls. */
export class PhaseHistograms {
  readonly byPhase: Histogram[] = [];
  readonly deliveries: number[] = [];
  get(phase: number): Histogram {
    while (this.byPhase.length <= phase) {
      this.byPhase.push(new Histogram());
      this.deliveries.push(0);
    }
    return this.byPhase[phase]!;
  }
  all(measured: (phase: number) => boolean): Histogram {
    const h = new Histogram();
    this.byPhase.forEach((p, i) => measured(i) && h.merge(p));
    return h;
  }
}

/**
 * What one wall has seen, per entity: how far into `Reports` it has been shown. A delivery of
 * version v shows every report up to v — the latest one and every report it superseded (coalesced)
 * — so each of them counts as delivered, with latency = receive time − its own send time.
 * Delivering a version the wall already shows is a duplicate; an older one is a reorder.
 */
export class WallTracker {
  private readonly cursor: Int32Array;
  private readonly shown: Float64Array;
  private readonly snapMark: Int32Array;
  private snapEpoch = 0;
  private snapSeq = 0;
  duplicated = 0;
  reordered = 0;
  bySnapshot = 0;
  gaps = 0;
  /** Seq the wall's picture is at (ours); -1 before its first snapshot. */
  seq = -1;
  snapshots = 0;
  lastSnapshotAt = 0;
  /** Newest send time among the reports this wall has been shown. */
  latestSentShown = 0;

  constructor(
    private readonly reports: Reports,
    public hist: PhaseHistograms,
  ) {
    this.cursor = new Int32Array(reports.entityCount);
    this.shown = new Float64Array(reports.entityCount);
    this.snapMark = new Int32Array(reports.entityCount);
  }

  /** The wall got a whole picture at `seq`: every report acknowledged at or before `seq` is in it. */
  snapshot(seq: number, at: number): void {
    this.snapEpoch++;
    this.snapSeq = seq;
    this.seq = seq;
    this.snapshots++;
    this.lastSnapshotAt = at;
  }

  private skipSnapshotCovered(e: number): void {
    if (this.snapMark[e] === this.snapEpoch) return;
    this.snapMark[e] = this.snapEpoch;
    const acks = this.reports.ackSeq[e]!;
    const versions = this.reports.version[e]!;
    let c = this.cursor[e]!;
    while (c < acks.length && acks[c]! > 0 && acks[c]! <= this.snapSeq) {
      if (versions[c]! > this.shown[e]!) this.shown[e] = versions[c]!;
      c++;
      this.bySnapshot++;
    }
    this.cursor[e] = c;
  }

  deliver(e: number, version: number, receivedAt: number): void {
    if (this.snapEpoch) this.skipSnapshotCovered(e);
    const shown = this.shown[e]!;
    if (version <= shown) {
      if (version === shown && version !== 0) this.duplicated++;
      else if (version < shown) this.reordered++;
      return;
    }
    this.shown[e] = version;
    const versions = this.reports.version[e]!;
    const sentAt = this.reports.sentAt[e]!;
    const phase = this.reports.phase[e]!;
    const rejected = this.reports.rejected[e]!;
    let c = this.cursor[e]!;
    while (c < versions.length && versions[c]! <= version) {
      if (!rejected[c]) {
        const p = phase[c]!;
        if (sentAt[c]! > this.latestSentShown) this.latestSentShown = sentAt[c]!;
        this.hist.get(p).record(receivedAt - sentAt[c]!);
        this.hist.deliveries[p]!++;
      }
      c++;
    }
    this.cursor[e] = c;
  }

  /** Reports (not rejected) this wall never saw, nor anything newer. */
  lost(): number {
    let n = 0;
    for (let e = 0; e < this.reports.entityCount; e++) {
      if (this.snapEpoch) this.skipSnapshotCovered(e);
      const rejected = this.reports.rejected[e]!;
      for (let c = this.cursor[e]!; c < rejected.length; c++) if (!rejected[c]) n++;
    }
    return n;
  }
}
