import { afterEach, describe, expect, test } from 'vitest';
import { Ledger } from './ledger.js';
import { seedLedger } from './seed.js';
import { createSeed, position, rid, T0 } from '../testing/fixtures.js';
import { createTempStore } from '../testing/tempStore.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function seededLedger(snapshotEvery = 20_000) {
  const tmp = createTempStore();
  cleanups.push(tmp.cleanup);
  const ledger = new Ledger({ store: tmp.store, snapshotEvery, now: () => T0 + 10_000 });
  await seedLedger(ledger, createSeed(), T0);
  return { ledger, tmp };
}

describe('ledger', () => {
  test('applies a valid report once it is durable and acknowledges it with its seq', async () => {
    const { ledger, tmp } = await seededLedger();
    const ack = await ledger.submit('position:report', position('t1', 114.31, 30.57, T0 + 1), 'device:phone');
    expect(ack).toEqual({ ok: true, seq: 9, duplicate: false });
    expect(ledger.state.teams.t1?.position).toEqual([114.31, 30.57]);
    expect(await tmp.store.lastSeq()).toBe(9);
    const logged = [];
    for await (const e of tmp.store.readEvents(8)) logged.push(e);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actor: 'device:phone', deviceTime: T0 + 1, serverTime: T0 + 10_000 });
  });

  test('rejects invalid and unknown-entity reports with a clear error and changes nothing', async () => {
    const { ledger, tmp } = await seededLedger();
    const before = structuredClone(ledger.state);
    const cases: [string, unknown, RegExp][] = [
      ['position:report', { ...position('t1', 200, 30, T0) }, /position\.0/],
      ['position:report', { ...position('t1', 114, 30, T0), recordedAt: 1_581_300_000 }, /seconds/],
      ['position:report', position('nobody', 114, 30, T0), /unknown team nobody/],
      ['position:report', 'not an object', /invalid position:report/],
      ['cell:report', { reportId: rid(), recordedAt: T0, cellId: 'c1', counts: {} }, /at least one/],
      ['cell:report', { reportId: rid(), recordedAt: T0, cellId: 'c1', counts: { confirmed: -1 } }, /counts\.confirmed/],
      ['task:setStatus', { reportId: rid(), recordedAt: T0, taskId: 'task1', status: 'done', extra: 1 }, /extra|Unrecognized/],
      ['team:teleport', {}, /unknown command/],
      ['position:report', position('t1', 114, 30, T0 + 10_000 + 25 * 3600_000), /day ahead/],
      ['task:acknowledge', { reportId: rid(), recordedAt: T0, taskId: 'task1', teamId: 't2' }, /not assigned to team t2/],
    ];
    for (const [name, payload, message] of cases) {
      const ack = await ledger.submit(name, payload, 'device:phone');
      expect(ack.ok, `${name} ${JSON.stringify(payload)}`).toBe(false);
      if (!ack.ok) expect(ack.error.message).toMatch(message);
    }
    expect(ledger.state).toEqual(before);
    expect(await tmp.store.lastSeq()).toBe(8);
  });

  test('applies a resent report once and acknowledges every copy with the same seq', async () => {
    const { ledger, tmp } = await seededLedger();
    const report = { reportId: rid(), recordedAt: T0, checkpointId: 'k1', inboundPersons: 5 };
    const [a, b] = await Promise.all([ledger.submit('checkpoint:tally', report, 'x:1'), ledger.submit('checkpoint:tally', report, 'x:1')]);
    const c = await ledger.submit('checkpoint:tally', report, 'x:1');
    expect(a).toEqual({ ok: true, seq: 9, duplicate: false });
    expect(b).toEqual({ ok: true, seq: 9, duplicate: true });
    expect(c).toEqual({ ok: true, seq: 9, duplicate: true });
    expect(ledger.state.checkpoints.k1?.today.inboundPersons).toBe(5);
    expect(await tmp.store.countEvents()).toBe(9);
  });

  test('commits reports that arrive together in one batch, in arrival order', async () => {
    const { ledger } = await seededLedger();
    const acks = await Promise.all(
      Array.from({ length: 50 }, (_, i) => ledger.submit('position:report', position('t2', 114 + i / 1000, 30.5, T0 + i), 'x:1')),
    );
    expect(acks.map((a) => (a.ok ? a.seq : -1))).toEqual(Array.from({ length: 50 }, (_, i) => 9 + i));
    expect(ledger.state.teams.t2?.position).toEqual([114.049, 30.5]);
  });

  test('restart from the latest snapshot plus the tail gives the state before the restart', async () => {
    const { ledger, tmp } = await seededLedger(25);
    for (let i = 0; i < 60; i++) {
      await ledger.submit('position:report', position(i % 2 ? 't1' : 't2', 114 + i / 100, 30.5, T0 + i), 'x:1');
      if (i % 7 === 0) await ledger.submit('cell:report', { reportId: rid(), recordedAt: T0, cellId: 'c1', counts: { confirmed: i } }, 'x:1');
    }
    await ledger.drain(); // snapshots are written in the background
    const snap = await tmp.store.latestSnapshot();
    expect(snap?.seq).toBeGreaterThan(8);
    expect(snap?.seq).toBeLessThan(ledger.state.seq);
    const restarted = new Ledger({ store: tmp.reopen() });
    const loaded = await restarted.load();
    expect(loaded.fromSnapshot).toBe(snap?.seq);
    expect(loaded.replayed).toBe(ledger.state.seq - snap!.seq);
    expect(restarted.state).toEqual(ledger.state);
  });

  test('keeps acknowledging after a snapshot falls due, and drain waits until it is written', async () => {
    const { ledger, tmp } = await seededLedger(10);
    const first = await Promise.all(Array.from({ length: 10 }, (_, i) => ledger.submit('position:report', position('t1', 114 + i / 100, 30.5, T0 + i), 'x:1')));
    // The snapshot at seq 18 is written in the background.
    const next = await ledger.submit('position:report', position('t2', 114.5, 30.5, T0 + 20), 'x:1');
    expect(first.at(-1)).toMatchObject({ ok: true, seq: 18 });
    expect(next).toMatchObject({ ok: true, seq: 19 });
    await ledger.drain();
    expect((await tmp.store.latestSnapshot())?.seq).toBe(18);
  });

  test('answers "unavailable" and changes nothing when the log cannot be written', async () => {
    const { ledger, tmp } = await seededLedger();
    await tmp.store.close();
    const ack = await ledger.submit('position:report', position('t1', 114.2, 30.5, T0 + 5), 'x:1');
    expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(ledger.state.teams.t1?.position).toEqual([114.3, 30.56]);
  });

  test('under a steady stream, group commits start at most every commitIntervalMs, and every report is acknowledged once its commit is durable', async () => {
    const tmp = createTempStore();
    cleanups.push(tmp.cleanup);
    const starts: number[] = [];
    const durable = new Set<number>();
    const appendCommitted = tmp.store.appendCommitted!.bind(tmp.store);
    tmp.store.appendCommitted = async (events) => {
      starts.push(performance.now());
      const c = await appendCommitted(events);
      return { ...c, durable: c.durable.then(() => c.seqs.forEach((s) => durable.add(s))) };
    };
    const ledger = new Ledger({ store: tmp.store, now: () => T0 + 10_000, commitIntervalMs: 20 });
    await seedLedger(ledger, createSeed(), T0);
    starts.length = 0;
    const acks: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      acks.push(
        ledger.submit('position:report', { ...position('t1', 114.3 + i / 1000, 30.57, T0 + 1 + i), reportId: rid() }, 'device:phone').then((a) => {
          expect(a.ok && durable.has(a.seq)).toBe(true);
        }),
      );
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(acks);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(17.5); // timers fire to the millisecond; a wait under 1 ms is not taken
    // ~120 ms of reports in commits 20 ms apart: far fewer commits than reports.
    expect(starts.length).toBeLessThan(20);
    expect(ledger.state.teams.t1?.position?.[0]).toBeCloseTo(114.359);
  });

  test('commitNow commits what is queued without waiting for the interval; called during a commit, it resolves with that one', async () => {
    const tmp = createTempStore();
    cleanups.push(tmp.cleanup);
    const ledger = new Ledger({ store: tmp.store, now: () => T0 + 10_000, commitIntervalMs: 60_000 });
    await seedLedger(ledger, createSeed(), T0);
    await expect(ledger.commitNow()).resolves.toBeUndefined(); // nothing queued
    // A lone report commits at once; the next one, on the ledger's own timer, would wait a minute.
    await ledger.submit('position:report', position('t1', 114.32, 30.57, T0), 'device:phone');
    let acked = false;
    const ack = ledger.submit('position:report', position('t1', 114.33, 30.57, T0 + 1), 'device:phone').then((a) => ((acked = true), a));
    await new Promise((r) => setTimeout(r, 30));
    expect(acked).toBe(false);
    const first = ledger.commitNow();
    expect(ledger.commitNow()).toBe(first);
    await first;
    const inTime = await Promise.race([ack, new Promise((r) => setTimeout(() => r('still waiting'), 2000))]);
    expect(inTime).toEqual({ ok: true, seq: 10, duplicate: false });
    expect(await tmp.store.lastSeq()).toBe(10);
    // drain commits at once too, rather than waiting out the interval.
    const late = ledger.submit('position:report', position('t2', 114.34, 30.57, T0 + 2), 'device:phone');
    await new Promise((r) => setTimeout(r, 30)); // queued behind its report-id lookup
    await ledger.drain();
    expect(await late).toMatchObject({ ok: true, seq: 11 });
  });

  test('a batch that is committed but cannot be made durable is answered "unavailable", never acknowledged', async () => {
    const tmp = createTempStore();
    cleanups.push(tmp.cleanup);
    const errors: unknown[] = [];
    const ledger = new Ledger({ store: tmp.store, now: () => T0 + 10_000, onError: (e) => errors.push(e) });
    await seedLedger(ledger, createSeed(), T0);
    const appendCommitted = tmp.store.appendCommitted!.bind(tmp.store);
    tmp.store.appendCommitted = async (events) => {
      const c = await appendCommitted(events);
      return { seqs: c.seqs, durable: c.durable.then(() => Promise.reject(new Error('EIO: fsync failed'))) };
    };
    const report = position('t1', 114.35, 30.57, T0 + 3);
    const ack = await ledger.submit('position:report', report, 'device:phone');
    expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/written to disk/) } });
    expect(errors).toHaveLength(1);
    // Its resend finds the report in the log, but is not acknowledged as a duplicate: it was never durable.
    expect(await tmp.store.findReport(report.reportId)).toBe(9);
    expect(await ledger.submit('position:report', report, 'device:phone')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
