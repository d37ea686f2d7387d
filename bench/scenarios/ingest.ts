import { phaseSpan, windowOf } from '../runOnce.js';
import { aborted, basePlan, generatorCheck, wPhase, type Evaluation, type Scenario } from './common.js';
import { integrity } from './w.js';

/**
 * Target 5: durable ingest. Every socket team keeps 8 position reports in flight and every OsmAnd
 * device one request; a report counts once its ack (sent after the SQLite commit) arrives.
 * Ten raw walls and two real ones watch, so fan-out is on but small.
 */
export const ingestScenario: Scenario = {
  name: 'ingest',
  spec(_design, ctx) {
    const base = basePlan(ctx);
    return {
      server: base.server,
      plan: {
        ...base.plan,
        rawWalls: 10,
        realWalls: 2,
        phases: [wPhase('warmup', 1000, 1, false), wPhase('ingest', ctx.quick ? 4000 : 10_000)],
        ingest: { window: 8 },
        drainMs: 3000,
      },
    };
  },
  evaluate(r): Evaluation {
    const bad = aborted(r);
    if (bad) return bad;
    const span = phaseSpan(r, 'ingest');
    const ph = r.result!.phases.find((p) => p.name === 'ingest');
    if (!span || !ph) return { valid: false, reason: 'no ingest phase', metrics: {} };
    const w = windowOf(r, span[0], span[1]);
    const perS = ph.acked / w.seconds;
    return {
      ...generatorCheck(w.loadCpu),
      metrics: {
        durableReportsPerS: perS,
        ackP50Ms: ph.ackLatency.p50,
        ackP99Ms: ph.ackLatency.p99,
        serverCpuPct: w.serverCpu === null ? null : w.serverCpu * 100,
        usPerReport: w.serverCpu === null || perS === 0 ? null : (w.serverCpu * 1e6) / perS,
        wallP99Ms: ph.latency.p99,
        commitsPerS: w.commitsPerS,
        eventsPerCommit: w.eventsPerCommit,
        commitBusyPct: w.commitBusyShare * 100,
        generatorCpuPct: w.loadCpu === null ? null : w.loadCpu * 100,
        ...integrity(r),
      },
    };
  },
};
