import { afterEach, describe, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { position } from '../testing/fixtures.js';
import { startTestServer, type TestClient } from '../testing/liveServer.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
afterEach(async () => server?.stop());

const TICK_MS = 40;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
type Entry = { kind: 'commit-start'; at: number } | { kind: 'commit-end'; seq: number; at: number } | { kind: 'tick'; seq: number; at: number };

/**
 * Records, in order, each commit's start and end (its last seq) and each broadcast tick (the seq it
 * sees). `delay` holds the n-th commit, or its fsync (`durable`), as a stalling disk would.
 */
function record(s: Server, delay: (n: number) => { commitMs?: number; durableMs?: number } = () => ({})): Entry[] {
  const log: Entry[] = [];
  const appendCommitted = s.store.appendCommitted!.bind(s.store);
  let n = 0;
  s.store.appendCommitted = async (events) => {
    log.push({ kind: 'commit-start', at: performance.now() });
    const { commitMs = 0, durableMs = 0 } = delay(n++);
    if (commitMs) await sleep(commitMs);
    const committed = await appendCommitted(events);
    log.push({ kind: 'commit-end', seq: committed.seqs.at(-1)!, at: performance.now() });
    return durableMs ? { ...committed, durable: committed.durable.then(() => sleep(durableMs)) } : committed;
  };
  const tick = s.app.broadcaster.tick.bind(s.app.broadcaster);
  s.app.broadcaster.tick = () => {
    log.push({ kind: 'tick', seq: s.ledger.state.seq, at: performance.now() });
    tick();
  };
  return log;
}


function report(phone: TestClient, i: number): Promise<Ack> {
  return new Promise((resolve) => (phone.emit as (...a: unknown[]) => void)('position:report', position('t1', 114.3 + i / 10_000, 30.57, Date.now()), resolve));
}

describe('commits paced by the broadcast tick', () => {
  test('each tick commits what the ledger holds and broadcasts it right after: one commit per tick, none waiting for the next tick', async () => {
    server = await startTestServer({ tickMs: TICK_MS });
    const log = record(server);
    const wall = await server.client();
    const phone = await server.client({ device: 'phone-t1' });
    const acks: Promise<Ack>[] = [];
    for (let i = 0; i < 50; i++) {
      acks.push(report(phone, i));
      await sleep(8);
    }
    const seqs = (await Promise.all(acks)).map((a) => (a.ok ? a.seq : -1));
    expect(Math.min(...seqs)).toBeGreaterThan(0);
    await sleep(3 * TICK_MS);
    const commits = log.filter((e) => e.kind === 'commit-end');
    const ticks = log.filter((e) => e.kind === 'tick');
    // ~400 ms of reports every 8 ms: the ledger's own 10 ms interval would commit ~40 times.
    expect(commits.length).toBeGreaterThan(3);
    expect(commits.length).toBeLessThanOrEqual(ticks.length);
    // Right after each commit's end, in the same turn of the event loop, the tick that broadcasts
    // it (unpaced, the next tick would come 0–40 ms later). The first report found no commit in
    // the last interval and committed at once, on the ledger's own timer.
    log.forEach((e, i) => {
      if (e.kind !== 'commit-end' || e === commits[0]) return;
      expect(log[i + 1]).toMatchObject({ kind: 'tick', seq: e.seq });
      expect(log[i + 1]!.at - e.at).toBeLessThan(TICK_MS / 4);
    });
    const lastDelta = wall.received.filter((r) => r.kind === 'delta').at(-1);
    expect(lastDelta?.msg.toSeq).toBe(Math.max(...seqs));
  });

  test('a commit the disk holds does not hold the ticks; its reports go out as soon as it ends', async () => {
    server = await startTestServer({ tickMs: TICK_MS });
    const log = record(server, (n) => (n === 0 ? { commitMs: 5 * TICK_MS } : {}));
    const wall = await server.client();
    const phone = await server.client({ device: 'phone-t1' });
    const ack = await report(phone, 1);
    expect(ack).toMatchObject({ ok: true });
    const start = log.findIndex((e) => e.kind === 'commit-start');
    const end = log.findIndex((e) => e.kind === 'commit-end');
    // Ticks went on while the commit was held (heartbeats, joiners), seeing nothing new.
    const during = log.slice(start + 1, end);
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.every((e) => e.kind === 'tick' && e.seq < (ack.ok ? ack.seq : 0))).toBe(true);
    expect(log[end + 1]).toMatchObject({ kind: 'tick', seq: ack.ok ? ack.seq : -1 });
    expect(log[end + 1]!.at - log[end]!.at).toBeLessThan(TICK_MS / 4);
    await sleep(2 * TICK_MS);
    expect(wall.received.filter((r) => r.kind === 'delta').some((d) => d.msg.toSeq === (ack.ok ? ack.seq : -1))).toBe(true);
  });

  test('a batch whose fsync the disk holds reaches the walls at once; its reports are acknowledged once it is durable', async () => {
    server = await startTestServer({ tickMs: TICK_MS });
    const log = record(server, () => ({ durableMs: 8 * TICK_MS }));
    const wall = await server.client();
    const phone = await server.client({ device: 'phone-t1' });
    while (!wall.received.length) await sleep(TICK_MS / 4); // its snapshot, at the next tick
    const sent = performance.now();
    let ackedAt = 0;
    const ack = report(phone, 2).then((a) => ((ackedAt = performance.now()), a));
    await sleep(4 * TICK_MS);
    const end = log.find((e) => e.kind === 'commit-end');
    expect(end).toBeDefined();
    // On the wall already, not acknowledged yet.
    expect(wall.received.some((r) => r.kind === 'delta' && r.msg.toSeq === end!.seq)).toBe(true);
    expect(ackedAt).toBe(0);
    expect(await ack).toEqual({ ok: true, seq: end!.seq, duplicate: false });
    expect(ackedAt - sent).toBeGreaterThanOrEqual(8 * TICK_MS);
  });
});
