import { windowOf } from '../runOnce.js';
import { aborted, basePlan, GENERATOR_LIMIT, wPhase, type Evaluation, type Scenario } from './common.js';

const P99_LIMIT_MS = 100;
const STEPS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8];
const QUICK_STEPS = [0.1, 0.3, 1, 2, 4, 8];

/**
 * Target 1: 500 walls, W's input stepped up (× 0.05 … × 8) until p99 passes 100 ms. A step counts
 * as sustained when its p99 ≤ 100 ms, ≥ 99 % of its update deliveries arrived, and the generator
 * had CPU to spare. The knee is the most update deliveries per second of a sustained step.
 */
export const fanoutScenario: Scenario = {
  name: 'fanout',
  spec(_design, ctx) {
    const base = basePlan(ctx);
    const steps = ctx.quick ? QUICK_STEPS : STEPS;
    const ms = ctx.quick ? 1500 : 4000;
    return {
      server: base.server,
      plan: {
        ...base.plan,
        phases: [wPhase('warmup', 1000, steps[0], false), ...steps.map((m) => wPhase(`x${m}`, ms, m))],
        stopAtP99Ms: P99_LIMIT_MS,
        drainMs: 3000,
      },
    };
  },
  evaluate(r): Evaluation {
    const bad = aborted(r);
    if (bad) return bad;
    const walls = r.result!.phases.length ? 496 : 0;
    const curve: number[][] = [];
    let knee = 0;
    let kneeAt: { cpu: number | null; us: number | null; step: number } | null = null;
    let genBound = false;
    for (const ph of r.result!.phases.filter((p) => p.name !== 'warmup')) {
      const w = windowOf(r, ph.startedAt, ph.endedAt);
      const offered = (ph.acked * walls) / w.seconds;
      const delivered = ph.deliveries / w.seconds;
      const step = Number(ph.name.slice(1));
      curve.push([step, offered, delivered, ph.latency.p99, (w.serverCpu ?? 0) * 100, (w.loadCpu ?? 0) * 100]);
      const generatorOk = (w.loadCpu ?? 1) <= GENERATOR_LIMIT;
      if (!generatorOk) genBound = true;
      const sustained = ph.latency.p99 <= P99_LIMIT_MS && ph.deliveries >= 0.99 * ph.acked * walls && generatorOk;
      if (sustained && delivered > knee) {
        knee = delivered;
        const cpuS = w.serverCpu === null ? null : w.serverCpu * w.seconds;
        kneeAt = { cpu: w.serverCpu, us: cpuS === null ? null : (cpuS * 1e6) / ph.deliveries, step };
      }
    }
    const last = curve.at(-1);
    const stoppedByLatency = last ? last[3]! > P99_LIMIT_MS : false;
    return {
      valid: true,
      reason: genBound && !stoppedByLatency ? 'generator reached its limit before the server: the knee is a lower bound' : undefined,
      metrics: {
        kneeDeliveriesPerS: knee,
        kneeStep: kneeAt?.step ?? null,
        kneeServerCpuPct: kneeAt?.cpu === null || !kneeAt ? null : kneeAt.cpu * 100,
        kneeUsPerDelivery: kneeAt?.us ?? null,
        kneeIsLowerBound: stoppedByLatency ? 0 : 1,
      },
      series: { curve },
    };
  },
};
