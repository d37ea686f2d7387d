import { phaseSpan, windowOf, type RunRecord } from '../runOnce.js';
import { aborted, basePlan, diskNote, generatorCheck, ms, withNotes, wPhase, type Evaluation, type Metrics, type Scenario } from './common.js';

/** The figures every steady-load scenario reports for one measured phase. */
export function steadyMetrics(r: RunRecord, phaseName: string): { metrics: Metrics; loadCpu: number | null } {
  const span = phaseSpan(r, phaseName);
  const ph = r.result?.phases.find((p) => p.name === phaseName);
  if (!span || !ph || !r.result) return { metrics: {}, loadCpu: null };
  const w = windowOf(r, span[0], span[1]);
  const cpuS = w.serverCpu === null ? null : w.serverCpu * w.seconds;
  return {
    loadCpu: w.loadCpu,
    metrics: {
      p50Ms: ms(ph.latency, ph.latency.p50),
      p99Ms: ms(ph.latency, ph.latency.p99),
      p999Ms: ms(ph.latency, ph.latency.p999),
      maxMs: ms(ph.latency, ph.latency.max),
      deliveriesPerS: ph.deliveries / w.seconds,
      reportsPerS: ph.acked / w.seconds,
      serverCpuPct: w.serverCpu === null ? null : w.serverCpu * 100,
      usPerDelivery: cpuS === null || ph.deliveries === 0 ? null : (cpuS * 1e6) / ph.deliveries,
      rssMb: w.rssEndMb,
      eldMaxMs: w.eldMaxMs,
      eldP99Ms: w.eldP99Ms,
      commitsPerS: w.commitsPerS,
      eventsPerCommit: w.eventsPerCommit,
      commitBusyPct: w.commitBusyShare * 100,
      commitMaxMs: w.commitMaxMs,
      commitHeldMaxMs: w.commitHeldMaxMs,
      checkpointMaxMs: w.checkpointMaxMs,
      oldGrowthMbPerS: w.oldGrowthMbPerS,
      msgsPerWallS: ph.msgsPerWallS,
      bytesPerWallS: ph.bytesPerWallS,
      ackP99Ms: ms(ph.ackLatency, ph.ackLatency.p99),
      generatorCpuPct: w.loadCpu === null ? null : w.loadCpu * 100,
      otherLoadOnServerCorePct: w.otherOnServerCore === null ? null : w.otherOnServerCore * 100,
    },
  };
}

export function integrity(r: RunRecord): Metrics {
  const res = r.result!;
  return {
    lost: res.lost,
    duplicated: res.duplicated,
    reordered: res.reordered,
    gaps: res.gaps,
    realWallMismatches: res.realWallMismatches,
    realWallP99Ms: res.realWallLatency.p99,
    rejected: res.phases.reduce((n, p) => n + p.rejected, 0),
  };
}

/** Target 2: workload W held steady; every report to every wall. */
export const wScenario: Scenario = {
  name: 'w',
  spec(_design, ctx) {
    const base = basePlan(ctx);
    return {
      server: base.server,
      plan: { ...base.plan, phases: [wPhase('warmup', ctx.quick ? 2000 : 3000, 1, false), wPhase('W', ctx.quick ? 6000 : 20_000)] },
    };
  },
  evaluate(r): Evaluation {
    const bad = aborted(r);
    if (bad) return bad;
    const { metrics, loadCpu } = steadyMetrics(r, 'W');
    return { ...withNotes(generatorCheck(loadCpu), diskNote(metrics.commitMaxMs, metrics.commitHeldMaxMs, metrics.eldMaxMs)), metrics: { ...metrics, ...integrity(r) } };
  },
};
