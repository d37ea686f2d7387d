import { phaseSpan, windowOf } from '../runOnce.js';
import { aborted, basePlan, diskNote, generatorCheck, W_WALLS, withNotes, wPhase, type Evaluation, type Scenario } from './common.js';
import { integrity } from './w.js';

/**
 * Target 3: under W's input, 500 walls connect within 5 s (100 per second; 4 of them real
 * socket.io-client walls that parse and apply their snapshot). Time to map = connect → whole picture
 * received; consistent = no gap after it and nothing lost by the end. 20 walls connected beforehand
 * show what the storm does to live latency.
 */
export const joinScenario: Scenario = {
  name: 'join',
  spec(_design, ctx) {
    const base = basePlan(ctx);
    return {
      server: base.server,
      plan: {
        ...base.plan,
        rawWalls: 20,
        realWalls: W_WALLS.realWalls,
        phases: [wPhase('warmup', 2000, 1, false), wPhase('storm', ctx.quick ? 7000 : 10_000)],
        joinStorm: { walls: W_WALLS.rawWalls, rate: 100, afterMs: 2000 },
        drainMs: 3000,
      },
    };
  },
  evaluate(r): Evaluation {
    const bad = aborted(r);
    if (bad) return bad;
    const span = phaseSpan(r, 'storm');
    const j = r.result!.join;
    if (!span || !j) return { valid: false, reason: 'no storm phase', metrics: {} };
    const w = windowOf(r, span[0], span[1]);
    const ph = r.result!.phases.find((p) => p.name === 'storm')!;
    return {
      ...withNotes(generatorCheck(w.loadCpu), diskNote(w.commitMaxMs, w.commitHeldMaxMs, w.eldMaxMs)),
      metrics: {
        timeToMapP50Ms: j.timeToMapMs.p50,
        timeToMapP99Ms: j.timeToMapMs.p99,
        timeToMapMaxMs: j.timeToMapMs.max,
        realWallTimeToMapP99Ms: j.realTimeToMapMs.p99,
        snapshotBytes: j.snapshotBytes,
        consistentWalls: j.consistent,
        failedWalls: j.failed,
        eldMaxMs: w.eldMaxMs,
        commitMaxMs: w.commitMaxMs,
        commitHeldMaxMs: w.commitHeldMaxMs,
        serverCpuPct: w.serverCpu === null ? null : w.serverCpu * 100,
        rssMaxMb: w.rssMaxMb,
        liveP99DuringStormMs: ph.latency.p99,
        generatorCpuPct: w.loadCpu === null ? null : w.loadCpu * 100,
        ...integrity(r),
      },
    };
  },
};
