import { afterEach, describe, expect, test } from 'vitest';
import { Ledger } from '../ledger/ledger.js';
import { seedLedger } from '../ledger/seed.js';
import { createSeed, T0 } from '../testing/fixtures.js';
import { createTempStore } from '../testing/tempStore.js';
import { StateCache, stateAt } from './timeTravel.js';
import { createTestClock, scriptedRun } from './testing.js';
import { timeline } from './timeline.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function recordedRun(steps = 120) {
  const tmp = createTempStore();
  cleanups.push(tmp.cleanup);
  const clock = createTestClock();
  const ledger = new Ledger({ store: tmp.store, snapshotEvery: 25, now: clock.now });
  await seedLedger(ledger, createSeed(), T0);
  const states = await scriptedRun(ledger, clock, steps);
  return { ledger, store: tmp.store, states };
}

describe('time travel', () => {
  test('rebuilds exactly the state the ledger held at every seq, from snapshots and the log', async () => {
    const { store, states } = await recordedRun();
    expect((await store.snapshotSeqAt(1000))! > 100).toBe(true);
    for (const [seq, expected] of states) expect(await stateAt(store, { seq }), `seq ${seq}`).toEqual(expected);
  });

  test('gives the same states by server time as by seq', async () => {
    const { store, states } = await recordedRun(60);
    const serverTimeOf = new Map<number, number>();
    for await (const e of store.readEvents(8)) serverTimeOf.set(e.seq, e.serverTime);
    for (const [seq, expected] of states) {
      if (seq <= 8) continue;
      expect(await stateAt(store, { time: serverTimeOf.get(seq)! + 500 }), `seq ${seq}`).toEqual(expected);
    }
    expect((await stateAt(store, { time: T0 - 1 })).seq).toBe(0);
  });

  test('a cache of recent states gives the same answers and never changes a state it handed out', async () => {
    const { store, states } = await recordedRun();
    const cache = new StateCache(3);
    const seqs = [...states.keys()].sort(() => 0.5 - Math.random());
    const handedOut = new Map<number, object>();
    for (const seq of seqs) {
      const got = await stateAt(store, { seq }, { cache });
      expect(got).toEqual(states.get(seq));
      handedOut.set(seq, got);
    }
    for (const [seq, got] of handedOut) expect(got, `seq ${seq}`).toEqual(states.get(seq));
  });

  test('clamps a seq past the end of the log to the latest state', async () => {
    const { store, ledger } = await recordedRun(10);
    expect(await stateAt(store, { seq: 10_000 })).toEqual(ledger.state);
  });
});

describe('timeline', () => {
  test('maps seqs to scenario times through the clock events, ending at the latest seq', async () => {
    const { store, states } = await recordedRun(120);
    const { lastSeq, points } = await timeline(store, { points: 5 });
    expect(lastSeq).toBe(128);
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points[0]!.seq).toBe(9); // the first clock:set
    expect(points.at(-1)!.seq).toBe(128);
    for (const p of points) expect(states.get(p.seq)!.clock!.scenarioTime).toBe(p.scenarioTime);
    expect(points.map((p) => p.seq)).toEqual([...points.map((p) => p.seq)].sort((a, b) => a - b));
  });

  test('is empty for a log without clock events', async () => {
    const tmp = createTempStore();
    cleanups.push(tmp.cleanup);
    expect(await timeline(tmp.store, { points: 10 })).toEqual({ lastSeq: 0, points: [] });
  });
});
