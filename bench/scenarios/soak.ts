import fs from 'node:fs';
import path from 'node:path';
import { phaseSpan, windowOf } from '../runOnce.js';
import { slope } from '../stats.js';
import { aborted, basePlan, generatorCheck, W_RATES, W_WALLS, wPhase, type Evaluation, type Scenario } from './common.js';
import { integrity } from './w.js';

/** Update deliveries per second of W's input × 1 to the raw walls. */
const W_DELIVERIES = (500 * W_RATES.teamHz + 200 * W_RATES.checkpointHz + 5000 * W_RATES.cellHz) * W_WALLS.rawWalls;

let settings = { multiplier: 2, minutes: 10, source: 'default' };

/**
 * Half the knee of the newest fan-out result under `dir`, as a multiplier of W's input: the knee
 * beside disk stalls where the result has it (the soak is about the server's memory and drift at half
 * its fan-out capacity, not at half of where a stalled commit cut the curve short), else the knee.
 */
function halfKnee(dir: string): { multiplier: number; source: string } | null {
  if (!fs.existsSync(dir)) return null;
  for (const run of fs.readdirSync(dir).sort().reverse()) {
    const file = path.join(dir, run, 'result.json');
    if (!fs.existsSync(file)) continue;
    type Knees = { kneeDeliveriesPerS?: number; kneeBesideDiskStallsPerS?: number };
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { quick: boolean; summaries: { name: string; medians: { ours?: Knees } }[] };
    const ours = r.summaries.find((s) => s.name === 'fanout')?.medians.ours;
    const knee = ours?.kneeBesideDiskStallsPerS || ours?.kneeDeliveriesPerS;
    const which = ours?.kneeBesideDiskStallsPerS ? 'the knee beside disk stalls' : 'the knee';
    if (knee && !r.quick) return { multiplier: knee / 2 / W_DELIVERIES, source: `half ${which} of ${run}` };
  }
  return null;
}

/**
 * Target 7: ours only, at half its fan-out knee (or `--rate`), for 10 minutes (quick: 30 s) in one-minute
 * phases (quick: 5 s). RSS slope by least squares over the measured minutes; p99 drift = last phase vs first measured
 * (the measure: two single-minute p99s, so one noisy minute decides it) and, beside it, the drift of the
 * least-squares line through every minute's p99 (its value at the last minute against the first).
 * RSS at W swings by ~180 MB with V8's GC, so two 10-minute runs gave −2.1 and +3.6 MB/min: the
 * server also reports what survived each of V8's own mark-compacts (every few seconds at this load),
 * and the slope of that floor (`liveSlopeMbPerMin`) is what tells a leak from the sawtooth; RSS read at
 * the same moments (`rssAfterGcSlopeMbPerMin`) is RSS without the sawtooth's phase. The bench
 * forces no collection here: a forced full GC at the end of the first minute changed how V8 paced
 * its collections afterwards and lifted every later minute's p99 by ~30 % (three 3–4-minute runs
 * +27 to +43 % with it, +4 % without), which the drift then read as the server's.
 */
export const soakScenario: Scenario & { configure(o: { rate?: number; minutes?: number; resultsDir: string }): void } = {
  name: 'soak',
  designs: ['ours'],
  configure(o) {
    const fromKnee = o.rate ? null : halfKnee(o.resultsDir);
    settings = {
      multiplier: o.rate ?? fromKnee?.multiplier ?? 2,
      minutes: o.minutes ?? 10,
      source: o.rate ? '--rate' : (fromKnee?.source ?? 'default × 2'),
    };
  },
  spec(_design, ctx) {
    const base = basePlan(ctx);
    const minutes = ctx.quick ? 0.5 : settings.minutes;
    const phaseMs = ctx.quick ? 5000 : 60_000;
    const n = Math.max(2, Math.round((minutes * 60_000) / phaseMs));
    return {
      server: base.server,
      plan: { ...base.plan, phases: [wPhase('warmup', ctx.quick ? 3000 : 30_000, settings.multiplier, false), ...Array.from({ length: n }, (_, i) => wPhase(`m${i + 1}`, phaseMs, settings.multiplier))] },
    };
  },
  evaluate(r): Evaluation {
    const bad = aborted(r);
    if (bad) return bad;
    const phases = r.result!.phases.filter((p) => p.name !== 'warmup');
    const first = phases[0]!;
    const last = phases.at(-1)!;
    const from = phaseSpan(r, first.name)![0];
    const to = phaseSpan(r, last.name)![1];
    const w = windowOf(r, from, to);
    const live = r.memory.filter((m) => m.label === 'major' && m.at >= from && m.at <= to);
    const pts = r.samples.filter((s) => s.at >= from && s.at <= to && s.serverRssMb !== null).map((s) => [(s.at - from) / 60_000, s.serverRssMb!] as [number, number]);
    return {
      ...generatorCheck(w.loadCpu),
      metrics: {
        multiplier: settings.multiplier,
        minutes: (to - from) / 60_000,
        rssSlopeMbPerMin: slope(pts),
        liveSlopeMbPerMin: slope(live.map((m) => [(m.at - from) / 60_000, m.liveMb] as [number, number])),
        rssAfterGcSlopeMbPerMin: slope(live.map((m) => [(m.at - from) / 60_000, m.rssMb] as [number, number])),
        liveFirstMb: live[0]?.liveMb ?? null,
        liveLastMb: live.at(-1)?.liveMb ?? null,
        majorGcs: live.length,
        rssStartMb: pts[0]?.[1] ?? null,
        rssEndMb: pts.at(-1)?.[1] ?? null,
        p99FirstMs: first.latency.p99,
        p99LastMs: last.latency.p99,
        p99DriftPct: first.latency.p99 ? ((last.latency.p99 - first.latency.p99) / first.latency.p99) * 100 : null,
        p99FitDriftPct: fitDrift(phases.map((p, i) => [i + 1, p.latency.p99] as [number, number])),
        serverCpuPct: w.serverCpu === null ? null : w.serverCpu * 100,
        deliveriesPerS: phases.reduce((n, p) => n + p.deliveries, 0) / w.seconds,
        ...integrity(r),
      },
      series: { p99: phases.map((p, i) => [i + 1, p.latency.p99]), rss: pts, minutes: perMinute(r, phases), afterMajorGc: live.map((m) => [(m.at - from) / 60_000, m.liveMb, m.rssMb]) },
    };
  },
};

/**
 * One row per minute, to tell where a drift comes from: [minute, p50, p99, server CPU %, event-loop
 * delay p99 and max (ms), commits/s, longest commit until durable (ms), share of time a commit was
 * under way, longest commit until committed (ms), longest WAL checkpoint (ms, on its own thread)].
 */
function perMinute(r: Parameters<Scenario['evaluate']>[0], phases: { name: string; latency: { p50: number; p99: number } }[]): number[][] {
  return phases.map((p, i) => {
    const [a, b] = phaseSpan(r, p.name)!;
    const w = windowOf(r, a, b);
    return [i + 1, p.latency.p50, p.latency.p99, (w.serverCpu ?? NaN) * 100, w.eldP99Ms, w.eldMaxMs, w.commitsPerS, w.commitMaxMs, w.commitBusyShare, w.commitHeldMaxMs, w.checkpointMaxMs];
  });
}

export function soakSource(): string {
  return settings.source;
}

/** Drift of the least-squares line through (minute, p99): its value at the last minute against the first, %. */
export function fitDrift(points: [number, number][]): number | null {
  const b = slope(points);
  if (b === null || points.length < 2) return null;
  const mx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const my = points.reduce((s, p) => s + p[1], 0) / points.length;
  const at = (x: number) => my + b * (x - mx);
  const x0 = points[0]![0];
  const x1 = points.at(-1)![0];
  return at(x0) > 0 ? ((at(x1) - at(x0)) / at(x0)) * 100 : null;
}

