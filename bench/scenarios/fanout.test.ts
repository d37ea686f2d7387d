import { describe, expect, it } from 'vitest';
import type { PhaseResult } from '../ipc.js';
import type { RunRecord, ServerStats } from '../runOnce.js';
import type { Sample } from '../proc.js';
import { fanoutScenario } from './fanout.js';
import type { ScenarioContext } from './common.js';

const T0 = 1_000_000;
const STEP_MS = 4000;

/** One step of the curve: its multiple of W, its p99 and the longest commit the server saw in it (until committed; until durable, default the same). */
interface Step {
  m: number;
  p99: number;
  heldMs: number;
  durableMs?: number;
}

const latency = (p99: number) => ({ count: 1000, p50: p99 / 2, p99, p999: p99, max: p99, mean: p99 / 2 });

/** A fan-out run with every report delivered to all 498 walls and the generator well below its limit. */
function run(steps: Step[]): RunRecord {
  const phases: PhaseResult[] = steps.map((s, i) => {
    const acked = 600 * s.m * (STEP_MS / 1000);
    return { name: `x${s.m}`, startedAt: T0 + i * STEP_MS, endedAt: T0 + (i + 1) * STEP_MS, sent: acked, acked, rejected: 0, deliveries: acked * 498, latency: latency(s.p99), ackLatency: latency(10), msgsPerWallS: 20, bytesPerWallS: 1000 };
  });
  const end = T0 + steps.length * STEP_MS;
  const samples: Sample[] = [];
  for (let at = T0 - 1000; at <= end + 1000; at += 250) {
    const t = at - T0;
    samples.push({ at, serverCpuMs: t * 0.3, serverRssMb: 200, loadCpuMs: t * 0.4, cores: [t * 0.3, t * 0.4] });
  }
  const serverStats: ServerStats[] = [];
  steps.forEach((s, i) => {
    for (let k = 1; k <= STEP_MS / 1000; k++) {
      const at = T0 + i * STEP_MS + k * 1000 - 1;
      serverStats.push({ type: 'stats', at, eldMaxMs: 10, eldP99Ms: 5, eldMeanMs: 2, rssMb: 200, heapMb: 50, heapTotalMb: 80, externalMb: 5, newSpaceMb: 32, oldGrowthMb: 1, clients: 1000, commits: 90, committedEvents: 600, commitMs: 50, commitMaxMs: k === 2 ? (s.durableMs ?? s.heldMs) : 3, commitHeldMaxMs: k === 2 ? s.heldMs : 2 });
    }
  });
  const result = { phases, latency: latency(50), realWallLatency: latency(50), lost: 0, duplicated: 0, reordered: 0, gaps: 0, realWallMismatches: 0, bySnapshot: 0, errors: [] };
  return { design: 'ours', rep: 1, startedAt: T0, endedAt: end, loadAvgBefore: [0], loadAvgAfter: [0], startMs: 100, marks: [], samples, serverStats, result, logs: [], memory: [] };
}

const ctx = {} as ScenarioContext;
const deliveriesAt = (m: number) => 600 * m * 498;

describe('fan-out knee', () => {
  it('stops at the first step over 100 ms and names a disk stall in it, while the knee beside disk stalls goes on', () => {
    const e = fanoutScenario.evaluate(run([
      { m: 0.1, p99: 60, heldMs: 8 },
      { m: 0.3, p99: 240, heldMs: 216 },
      { m: 1, p99: 70, heldMs: 9 },
      { m: 2, p99: 180, heldMs: 12 },
      { m: 4, p99: 90, heldMs: 10 },
    ]), ctx);
    expect(e.metrics.kneeDeliveriesPerS).toBeCloseTo(deliveriesAt(0.1), -2);
    expect(e.metrics.kneeStopCommitMaxMs).toBe(216);
    expect(e.metrics.kneeBesideDiskStallsPerS).toBeCloseTo(deliveriesAt(1), -2);
    expect(e.reason).toMatch(/disk: the knee stopped at × 0\.3 \(p99 240 ms\) with a commit held 216 ms/);
    expect(e.series?.curve?.map((c) => c[7])).toEqual([8, 216, 9, 12, 10]);
  });

  it('says nothing of the disk when the step that stopped the knee had no slow commit', () => {
    const e = fanoutScenario.evaluate(run([
      { m: 0.1, p99: 60, heldMs: 8 },
      { m: 1, p99: 70, heldMs: 150 },
      { m: 2, p99: 180, heldMs: 12 },
      { m: 4, p99: 90, heldMs: 10 },
    ]), ctx);
    expect(e.metrics.kneeDeliveriesPerS).toBeCloseTo(deliveriesAt(1), -2);
    expect(e.metrics.kneeBesideDiskStallsPerS).toBeCloseTo(deliveriesAt(1), -2);
    expect(e.metrics.kneeStopCommitMaxMs).toBe(12);
    expect(e.reason ?? '').not.toMatch(/disk/);
  });

  it('does not count a step whose commits were held only for their fsync as disk-stalled: walls did not wait for it', () => {
    const e = fanoutScenario.evaluate(run([
      { m: 0.1, p99: 60, heldMs: 8 },
      { m: 0.3, p99: 240, heldMs: 9, durableMs: 400 },
      { m: 1, p99: 70, heldMs: 9 },
    ]), ctx);
    expect(e.metrics.kneeDeliveriesPerS).toBeCloseTo(deliveriesAt(0.1), -2);
    expect(e.metrics.kneeBesideDiskStallsPerS).toBeCloseTo(deliveriesAt(0.1), -2);
    expect(e.metrics.kneeStopCommitMaxMs).toBe(400);
    expect(e.reason ?? '').not.toMatch(/disk/);
    expect(e.series?.curve?.map((c) => [c[6], c[7]])).toEqual([[8, 8], [400, 9], [9, 9]]);
  });
});
