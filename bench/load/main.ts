/**
 * The load generator child: walls (raw clients for scale plus a few real socket.io-client walls with
 * the real reducer), teams reporting over Socket.IO and OsmAnd HTTP, checkpoint and cell feeds. It
 * runs the plan it is sent over IPC, then sends back one result and exits. Bounded in time.
 */
import type { LoadMessage, LoadPlan, LoadResult, Phase, PhaseResult } from '../ipc.js';
import { DeltaCache, EntityIndex } from './frames.js';
import { Histogram } from './histogram.js';
import { Reporters } from './reporters.js';
import { PhaseHistograms, Reports, WallTracker } from './tracker.js';
import { RECEIPT_EVERY_MS, RawWall, RealWall, type WallContext } from './walls.js';

const send = (m: LoadMessage) => process.send?.(m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string) => send({ type: 'log', text });

interface PhaseCounters {
  sent: number;
  acked: number;
  rejected: number;
  startedAt: number;
  endedAt: number;
  bytes0: number;
  msgs0: number;
  bytes1: number;
  msgs1: number;
}

class Generator {
  readonly index: EntityIndex;
  readonly reports: Reports;
  readonly ctx: WallContext;
  readonly groups = { healthy: new PhaseHistograms(), slow: new PhaseHistograms(), joiners: new PhaseHistograms(), real: new PhaseHistograms() };
  readonly raw: RawWall[] = [];
  readonly real: RealWall[] = [];
  readonly joiners: RawWall[] = [];
  readonly realJoiners: RealWall[] = [];
  readonly ackLatency: Histogram[] = [];
  readonly counters: PhaseCounters[] = [];
  readonly errors: string[] = [];
  readonly reporters: Reporters;
  phase = 0;
  active = false;

  constructor(readonly plan: LoadPlan) {
    this.index = new EntityIndex(plan.teams, plan.checkpoints, plan.cells);
    this.reports = new Reports(this.index.count);
    this.ctx = { design: plan.design, url: plan.url, index: this.index, deltas: new DeltaCache(this.index), tokens: plan.tokens, naiveSkipState: plan.naiveSkipState };
    for (let p = 0; p < plan.phases.length; p++) {
      this.ackLatency.push(new Histogram());
      this.counters.push({ sent: 0, acked: 0, rejected: 0, startedAt: 0, endedAt: 0, bytes0: 0, msgs0: 0, bytes1: 0, msgs1: 0 });
    }
    this.reporters = new Reporters(
      {
        design: plan.design,
        url: plan.url,
        reports: this.reports,
        phase: () => this.phase,
        ackLatency: this.ackLatency,
        runTag: Date.now().toString(36).slice(-6),
        onAck: (p, ok, error) => {
          const c = this.counters[p]!;
          if (ok) c.acked++;
          else {
            c.rejected++;
            if (this.errors.length < 20 && error) this.errors.push(error);
          }
        },
      },
      plan.teams,
      new Set(plan.httpTeams),
      plan.checkpoints,
      plan.cells,
    );
  }

  healthyRaw(): RawWall[] {
    return this.raw.filter((w) => w.tracker.hist === this.groups.healthy);
  }

  /** Connects `n` walls at `rate` per second; returns them as they are created. */
  async connectWalls(n: number, rate: number, group: PhaseHistograms, into: RawWall[], prefix: string): Promise<void> {
    const started = Date.now();
    for (let i = 0; i < n; i++) {
      const due = started + (i * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      into.push(new RawWall(this.ctx, new WallTracker(this.reports, group), `${prefix}-${i}`));
    }
  }

  async waitForMaps(walls: { mapAt: number }[], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (walls.some((w) => !w.mapAt) && Date.now() < deadline) await sleep(50);
    const missing = walls.filter((w) => !w.mapAt).length;
    if (missing) this.errors.push(`${missing} walls had no picture after ${timeoutMs} ms`);
  }

  /** Runs one rate phase: reports spread evenly over time, round-robin over entities. */
  async runRatePhase(ph: Phase): Promise<void> {
    const { teams, checkpoints, cells } = this.plan;
    const nT = teams.length;
    const cpBase = nT;
    const cellBase = nT + checkpoints.length;
    const start = Date.now();
    const sent = { t: 0, k: 0, c: 0 };
    const rr = { t: 0, k: 0, c: 0 };
    await new Promise<void>((resolve) => {
      const pump = setInterval(() => {
        const elapsed = Math.min(ph.durationMs, Date.now() - start) / 1000;
        for (let due = Math.floor(elapsed * ph.teamHz * nT) - sent.t; due > 0; due--, sent.t++) this.reporters.sendTeam(rr.t++ % nT);
        for (let due = Math.floor(elapsed * ph.checkpointHz * checkpoints.length) - sent.k; due > 0; due--, sent.k++) {
          this.reporters.sendCheckpoint(rr.k++ % checkpoints.length, cpBase);
        }
        for (let due = Math.floor(elapsed * ph.cellHz * cells.length) - sent.c; due > 0; due--, sent.c++) {
          // A pseudo-random walk over cells, so churn is spread like real reports.
          this.reporters.sendCell((rr.c++ * 7919) % cells.length, cellBase);
        }
        if (Date.now() - start >= ph.durationMs) {
          clearInterval(pump);
          resolve();
        }
      }, 5);
    });
  }

  /** Closed loop: every socket team keeps `window` reports in flight, every HTTP team one. */
  async runIngestPhase(ph: Phase, window: number): Promise<void> {
    const n = this.plan.teams.length;
    let open = true;
    const loop = (t: number) => {
      if (open) this.reporters.sendTeam(t, () => loop(t));
    };
    for (let t = 0; t < n; t++) {
      const isHttp = this.reporters.teamSockets[t] === null;
      for (let k = 0; k < (isHttp ? 1 : window); k++) loop(t);
    }
    await sleep(ph.durationMs);
    open = false;
  }

  wallBytes(): { bytes: number; msgs: number } {
    let bytes = 0;
    let msgs = 0;
    for (const w of this.healthyRaw()) {
      bytes += w.client.bytes;
      msgs += w.client.messages;
    }
    return { bytes, msgs };
  }

  scheduleEvents(): void {
    const { joinStorm, slow } = this.plan;
    if (joinStorm) {
      setTimeout(() => {
        this.ctx.naiveSkipState = false;
        for (let i = 0; i < this.plan.realWalls; i++) {
          this.realJoiners.push(new RealWall(this.ctx, new WallTracker(this.reports, this.groups.joiners), `bench-real-joiner-${i}`));
        }
        void this.connectWalls(joinStorm.walls, joinStorm.rate, this.groups.joiners, this.joiners, 'bench-joiner');
      }, joinStorm.afterMs);
    }
    if (slow) {
      const walls = this.raw.filter((w) => w.tracker.hist === this.groups.slow);
      setTimeout(() => walls.forEach((w) => (w.client.pause(), (w.paused = true))), slow.atMs);
      setTimeout(() => {
        const at = Date.now();
        walls.forEach((w) => (w.client.resume(), (w.paused = false), (w.resumedAt = at)));
      }, slow.atMs + slow.forMs);
    }
  }

  async run(): Promise<LoadResult> {
    const plan = this.plan;
    const realWalls = Array.from({ length: plan.realWalls }, (_, i) => new RealWall(this.ctx, new WallTracker(this.reports, this.groups.real), `bench-real-${i}`));
    this.real.push(...(plan.joinStorm ? [] : realWalls));
    if (plan.joinStorm) realWalls.forEach((w) => w.socket.close());
    const t0 = Date.now();
    await this.connectWalls(plan.rawWalls, plan.wallConnectRate, this.groups.healthy, this.raw, 'bench-wall');
    await this.waitForMaps([...this.raw, ...this.real], 120_000);
    log(`walls have their picture after ${Date.now() - t0} ms`);
    if (plan.slow) this.raw.slice(0, Math.round(plan.slow.share * plan.rawWalls)).forEach((w) => (w.tracker.hist = this.groups.slow));
    await this.reporters.connect(plan.sessions, plan.tokens);
    log(`connected ${this.raw.length} raw + ${this.real.length} real walls, ${plan.teams.length} teams`);

    this.active = true;
    this.scheduleEvents();
    // Receipts also go out when nothing arrives (a wall the server took out of the broadcast).
    const receipts = setInterval(() => {
      const now = Date.now();
      for (const w of [...this.raw, ...this.joiners, ...this.real, ...this.realJoiners]) w.confirm(now);
    }, RECEIPT_EVERY_MS);
    for (let p = 0; p < plan.phases.length; p++) {
      const ph = plan.phases[p]!;
      this.phase = p;
      const c = this.counters[p]!;
      c.startedAt = Date.now();
      const sent0 = this.reporters.sent;
      ({ bytes: c.bytes0, msgs: c.msgs0 } = this.wallBytes());
      send({ type: 'mark', name: `start:${ph.name}`, at: c.startedAt });
      if (plan.ingest) await this.runIngestPhase(ph, plan.ingest.window);
      else await this.runRatePhase(ph);
      c.endedAt = Date.now();
      ({ bytes: c.bytes1, msgs: c.msgs1 } = this.wallBytes());
      c.sent = this.reporters.sent - sent0;
      send({ type: 'mark', name: `end:${ph.name}`, at: c.endedAt });
      if (plan.stopAtP99Ms !== undefined && this.overloaded(p, plan.stopAtP99Ms)) {
        log(`stopping after ${ph.name}: p99 over ${plan.stopAtP99Ms} ms`);
        break;
      }
    }
    this.active = false;
    await sleep(plan.drainMs);
    clearInterval(receipts);
    if (plan.joinStorm) {
      const j = this.joiners;
      log(`joiners: ${j.length}, with a picture ${j.filter((w) => w.mapAt).length}, messages ${j.reduce((n, w) => n + w.client.messages, 0)}, bytes ${j.reduce((n, w) => n + w.client.bytes, 0)}`);
    }
    return this.result();
  }

  /**
   * Two measured phases in a row over the limit (one could be noise on a shared machine). On a busy
   * machine even light load can pass 100 ms, so the limit is at least 3× the first step's p99: the
   * stepping goes on until latency climbs, and the evaluation applies the 100 ms itself.
   */
  private overloaded(p: number, limit: number): boolean {
    const measured = (i: number) => i >= 0 && this.plan.phases[i]!.measured !== false;
    const first = this.plan.phases.findIndex((ph) => ph.measured !== false);
    const floor = first >= 0 && first < p ? 3 * this.groups.healthy.get(first).percentile(99) : 0;
    const over = (i: number) => measured(i) && this.groups.healthy.get(i).percentile(99) > Math.max(limit, floor);
    return over(p) && over(p - 1);
  }

  private phaseResult(p: number): PhaseResult {
    const ph = this.plan.phases[p]!;
    const c = this.counters[p]!;
    const secs = Math.max(0.001, (c.endedAt - c.startedAt) / 1000);
    const walls = Math.max(1, this.healthyRaw().length);
    return {
      name: ph.name,
      startedAt: c.startedAt,
      endedAt: c.endedAt,
      sent: c.sent,
      acked: c.acked,
      rejected: c.rejected,
      deliveries: this.groups.healthy.deliveries[p] ?? 0,
      latency: this.groups.healthy.get(p).summary(),
      ackLatency: this.ackLatency[p]!.summary(),
      msgsPerWallS: (c.msgs1 - c.msgs0) / walls / secs,
      bytesPerWallS: (c.bytes1 - c.bytes0) / walls / secs,
    };
  }

  result(): LoadResult {
    const ran = this.counters.filter((c) => c.endedAt > 0).length;
    const measured = (p: number) => p < ran && this.plan.phases[p]!.measured !== false;
    const allWalls = [...this.raw, ...this.joiners];
    const trackers = [...allWalls.map((w) => w.tracker), ...this.real.map((w) => w.tracker), ...this.realJoiners.map((w) => w.tracker)];
    const sum = (f: (t: WallTracker) => number) => trackers.reduce((n, t) => n + f(t), 0);
    const result: LoadResult = {
      phases: Array.from({ length: ran }, (_, p) => this.phaseResult(p)),
      latency: this.groups.healthy.all(measured).summary(),
      realWallLatency: this.groups.real.all(measured).summary(),
      lost: sum((t) => t.lost()),
      duplicated: sum((t) => t.duplicated),
      reordered: sum((t) => t.reordered),
      gaps: sum((t) => t.gaps),
      realWallMismatches: [...this.real, ...this.realJoiners].reduce((n, w) => n + this.mismatches(w), 0),
      bySnapshot: sum((t) => t.bySnapshot),
      errors: this.errors,
    };
    if (this.plan.slow) {
      const slow = this.raw.filter((w) => w.tracker.hist === this.groups.slow);
      const catchUp = new Histogram();
      for (const w of slow) if (w.caughtUpAt) catchUp.record(w.caughtUpAt - w.resumedAt);
      result.slowLatency = this.groups.slow.all(measured).summary();
      result.slow = {
        walls: slow.length,
        resyncedBySnapshot: slow.filter((w) => w.resyncedBySnapshot).length,
        caughtUpByDelta: slow.filter((w) => w.caughtUpAt && !w.resyncedBySnapshot).length,
        catchUpMs: catchUp.summary(),
      };
    }
    if (this.plan.joinStorm) {
      const toMap = new Histogram();
      const realToMap = new Histogram();
      for (const w of this.joiners) toMap.record(w.mapAt ? w.mapAt - w.startedAt : 60_000);
      for (const w of this.realJoiners) realToMap.record(w.mapAt ? w.mapAt - w.startedAt : 60_000);
      const consistent = this.joiners.filter((w) => w.mapAt && w.tracker.gaps === 0 && w.tracker.lost() === 0).length;
      result.join = {
        walls: this.joiners.length,
        timeToMapMs: toMap.summary(),
        realTimeToMapMs: realToMap.summary(),
        snapshotBytes: Math.max(0, ...this.joiners.map((w) => w.firstSnapshotBytes)),
        consistent,
        failed: this.joiners.length - consistent,
      };
    }
    return result;
  }

  private mismatches(w: RealWall): number {
    const pic = w.versions();
    if (!pic) return this.index.count;
    let n = 0;
    const check = (e: number, actual: number | null | undefined) => {
      const versions = this.reports.version[e]!;
      const rejected = this.reports.rejected[e]!;
      let i = versions.length - 1;
      while (i >= 0 && rejected[i]) i--;
      if (i >= 0 && actual !== versions[i]) n++;
    };
    this.plan.teams.forEach((id, i) => check(i, pic.teams[id]?.reportedAt));
    this.plan.checkpoints.forEach((id, k) => check(this.plan.teams.length + k, pic.checkpoints[id]?.staffOnDuty));
    this.plan.cells.forEach((id, k) => check(this.plan.teams.length + this.plan.checkpoints.length + k, pic.cells[id]?.lastVisitAt));
    return n;
  }

  close(): void {
    this.reporters.close();
    for (const w of [...this.raw, ...this.joiners]) w.client.close();
    for (const w of [...this.real, ...this.realJoiners]) w.socket.close();
  }
}

process.once('message', (m: { type: 'plan'; plan: LoadPlan }) => {
  const gen = new Generator(m.plan);
  const budget = m.plan.phases.reduce((n, p) => n + p.durationMs, 0) + m.plan.drainMs + 240_000;
  setTimeout(() => {
    send({ type: 'log', text: 'generator hit its time limit' });
    process.exit(2);
  }, budget).unref();
  gen.run().then(
    (result) => {
      send({ type: 'result', result });
      gen.close();
      setTimeout(() => process.exit(0), 200);
    },
    (err: unknown) => {
      send({ type: 'log', text: `generator failed: ${err instanceof Error ? err.stack : String(err)}` });
      process.exit(1);
    },
  );
});
