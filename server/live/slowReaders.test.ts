// A screen that stops reading is taken out of the broadcast and resynced once it reads again,
// over real sockets against a real server (test-driven ticks, real clock for the lag).
import { afterEach, describe, expect, test } from 'vitest';
import type { Ack, Delta } from '../../shared/protocol.js';
import { position, rid } from '../testing/fixtures.js';
import { startTestServer, type TestClient } from '../testing/liveServer.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
afterEach(async () => server?.stop());

const STALL_MS = 300;
const receipt = (socket: TestClient, payload: unknown): Promise<Ack> =>
  new Promise((resolve) => (socket.emit as (...a: unknown[]) => void)('live:ack', payload, resolve));
const withChanges = (c: TestClient) => c.received.filter((r) => r.kind === 'delta' && r.msg.toSeq > r.msg.fromSeq).map((r) => r.msg as Delta);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function move(lng: number): Promise<number> {
  const ack = await server.ledger.submit('position:report', { ...position('t1', lng, 30.57, Date.now()), reportId: rid() }, 'device:test');
  if (!ack.ok) throw new Error(ack.error.message);
  await server.tick();
  return ack.seq;
}

describe('slow screens', () => {
  test('a screen whose receipts lag is dropped from the broadcast, then served what it missed once it has read its backlog', async () => {
    server = await startTestServer({ stallMs: STALL_MS });
    const keeping = await server.client();
    const stalled = await server.client();
    await server.tick();
    expect(await receipt(keeping, { seq: 8 })).toMatchObject({ ok: true });
    expect(await receipt(stalled, { seq: 8 })).toMatchObject({ ok: true });

    // Both are sent seq 9; only one confirms it.
    const s9 = await move(114.31);
    expect(withChanges(stalled).at(-1)).toMatchObject({ toSeq: s9 });
    await receipt(keeping, { seq: s9 });
    await sleep(STALL_MS + 50);
    await receipt(keeping, { seq: s9 });
    const s10 = await move(114.32); // this tick finds `stalled` lagging and drops it after the broadcast
    await receipt(keeping, { seq: s10 });
    const s11 = await move(114.33);
    await receipt(keeping, { seq: s11 });
    const s12 = await move(114.34);
    expect(withChanges(keeping).map((d) => d.toSeq)).toEqual([s9, s10, s11, s12]);
    expect(withChanges(stalled).map((d) => d.toSeq)).toEqual([s9, s10]);
    expect(server.app.broadcaster.readerStats).toEqual({ dropped: 1, resumed: 0 });

    // A receipt for what it was never sent changes nothing; its old receipt does not resume it.
    expect(await receipt(stalled, { seq: s12 })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('never sent') } });
    expect(await receipt(stalled, { seq: s9 })).toMatchObject({ ok: true });
    await server.tick();
    expect(withChanges(stalled).map((d) => d.toSeq)).toEqual([s9, s10]);

    // Having read everything up to s10, it gets what it missed (a catch-up delta: the gap is small) and is back in.
    expect(await receipt(stalled, { seq: s10 })).toMatchObject({ ok: true });
    await server.tick();
    expect(withChanges(stalled).at(-1)).toMatchObject({ fromSeq: s10, toSeq: s12 });
    expect(withChanges(stalled).at(-1)?.teams?.[0]?.position).toEqual([114.34, 30.57]);
    const s13 = await move(114.35);
    expect(withChanges(stalled).at(-1)).toMatchObject({ fromSeq: s12, toSeq: s13 });
    expect(server.app.broadcaster.readerStats).toEqual({ dropped: 1, resumed: 1 });
  });

  test('a screen that sends no receipts is never dropped', async () => {
    server = await startTestServer({ stallMs: 50 });
    const silent = await server.client();
    await server.tick();
    await move(114.31);
    await sleep(120);
    await move(114.32);
    await sleep(120);
    const last = await move(114.33);
    expect(withChanges(silent).at(-1)).toMatchObject({ toSeq: last });
    expect(server.app.broadcaster.readerStats.dropped).toBe(0);
  });

  test('bad receipts are refused with a reason and change nothing', async () => {
    server = await startTestServer({ stallMs: STALL_MS });
    const wall = await server.client();
    const phone = await server.client({ role: 'field' }, await server.signIn('t1'));
    await server.tick();
    for (const bad of [undefined, null, 8, '8', { seq: -1 }, { seq: 1.5 }, { seq: '8' }, { seq: 8, extra: 1 }, { seq: Number.MAX_VALUE }]) {
      expect(await receipt(wall, bad)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await receipt(phone, { seq: 8 })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('not receiving') } });
    const s9 = await move(114.31);
    expect(withChanges(wall).at(-1)).toMatchObject({ toSeq: s9 });
    expect(server.app.broadcaster.readerStats).toEqual({ dropped: 0, resumed: 0 });
    expect(await server.store.lastSeq()).toBe(s9);
  });
});
