import { phaseSpan, windowOf } from '../runOnce.js';
import { aborted, basePlan, diskNote, generatorCheck, ms, withNotes, wPhase, type Evaluation, type Scenario } from './common.js';
import { integrity } from './w.js';

/**
 * Target 4: at W, 10 % of the walls stop reading their socket for 10 s (quick: 4 s), then read again.
 * Server memory growth, two ways: RSS (highest while they are stalled or catching up − just before;
 * it includes wherever V8's GC sawtooth happens to be, ±30 MB at W) and live memory (heap in use +
 * buffers right after a full GC the server runs at the end of `warmup`, of `stalled` and of `after`:
 * what the slow walls really hold). The collections' pauses stay out of the two phases whose p99s are
 * compared: healthy walls' p99 while the others stall against their p99 just before.
 */
export const slowScenario: Scenario = {
  name: 'slow',
  spec(_design, ctx) {
    const base = basePlan(ctx);
    const q = ctx.quick;
    const warm = q ? 2000 : 3000;
    const before = q ? 3000 : 5000;
    const stall = q ? 4000 : 10_000;
    return {
      server: base.server,
      plan: {
        ...base.plan,
        phases: [wPhase('warmup', warm, 1, false), wPhase('before', before), wPhase('stalled', stall), wPhase('after', q ? 3000 : 5000)],
        slow: { share: 0.1, atMs: warm + before, forMs: stall },
        drainMs: 3000,
      },
      gcAtMarks: ['end:warmup', 'end:stalled', 'end:after'],
    };
  },
  evaluate(r): Evaluation {
    const bad = aborted(r);
    if (bad) return bad;
    const res = r.result!;
    const b = phaseSpan(r, 'before');
    const s = phaseSpan(r, 'stalled');
    const a = phaseSpan(r, 'after');
    if (!b || !s || !a || !res.slow) return { valid: false, reason: 'missing phases', metrics: {} };
    const wb = windowOf(r, b[0], b[1]);
    const ws = windowOf(r, s[0], a[1]);
    const p99 = (name: string) => {
      const l = res.phases.find((p) => p.name === name)?.latency;
      return l ? ms(l, l.p99) : null;
    };
    const before = p99('before');
    const stalled = p99('stalled');
    return {
      ...withNotes(generatorCheck(Math.max(wb.loadCpu ?? 1, ws.loadCpu ?? 1)), diskNote(Math.max(wb.commitMaxMs, ws.commitMaxMs), Math.max(wb.commitHeldMaxMs, ws.commitHeldMaxMs), Math.max(wb.eldMaxMs, ws.eldMaxMs))),
      metrics: {
        healthyP99BeforeMs: before,
        healthyP99StalledMs: stalled,
        healthyP99ChangePct: before && stalled !== null ? ((stalled - before) / before) * 100 : null,
        rssGrowthMb: wb.rssEndMb !== null && ws.rssMaxMb !== null ? ws.rssMaxMb - wb.rssEndMb : null,
        liveGrowthMb: liveGrowth(r),
        slowWalls: res.slow.walls,
        resyncedBySnapshot: res.slow.resyncedBySnapshot,
        caughtUpByDelta: res.slow.caughtUpByDelta,
        catchUpP99Ms: res.slow.catchUpMs.p99,
        slowWallP99Ms: res.slowLatency?.p99 ?? null,
        eldMaxMs: ws.eldMaxMs,
        commitMaxMs: Math.max(wb.commitMaxMs, ws.commitMaxMs),
        commitHeldMaxMs: Math.max(wb.commitHeldMaxMs, ws.commitHeldMaxMs),
        ...integrity(r),
      },
    };
  },
};

/** Live memory after a full GC at the end of the stall and of the catch-up, over the same before the walls stall. */
function liveGrowth(r: Parameters<Scenario['evaluate']>[0]): number | null {
  const at = (label: string) => r.memory.find((m) => m.label === label)?.liveMb;
  const before = at('end:warmup');
  const later = [at('end:stalled'), at('end:after')].filter((v): v is number => v !== undefined);
  return before === undefined || !later.length ? null : Math.max(...later) - before;
}
