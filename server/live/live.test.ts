import { afterEach, describe, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { position, rid } from '../testing/fixtures.js';
import { startTestServer, type TestClient } from '../testing/liveServer.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
afterEach(async () => server?.stop());

function send(socket: TestClient, name: string, payload: unknown): Promise<Ack> {
  return new Promise((resolve) => (socket.emit as (...a: unknown[]) => void)(name, payload, resolve));
}
const deltas = (c: TestClient) => c.received.filter((r) => r.kind === 'delta').map((r) => r.msg as import('../../shared/protocol.js').Delta);
const withChanges = (c: TestClient) => deltas(c).filter((d) => d.toSeq > d.fromSeq);

describe('live protocol', () => {
  test('a wall gets a snapshot with its seq on connect', async () => {
    server = await startTestServer();
    const wall = await server.client();
    await server.tick();
    expect(wall.received).toHaveLength(1);
    const first = wall.received[0]!;
    expect(first.kind).toBe('snapshot');
    if (first.kind === 'snapshot') {
      expect(first.msg.seq).toBe(8);
      expect(Object.keys(first.msg.state.teams)).toEqual(['t1', 't2']);
    }
  });

  test('a phone report is acknowledged and reaches the wall in the next delta', async () => {
    server = await startTestServer();
    const wall = await server.client();
    const phone = await server.client({ device: 'phone-t1' });
    await server.tick();
    const ack = await send(phone, 'position:report', position('t1', 114.32, 30.57, Date.now()));
    expect(ack).toEqual({ ok: true, seq: 9, duplicate: false });
    await server.tick();
    const [delta] = withChanges(wall);
    expect(delta).toMatchObject({ fromSeq: 8, toSeq: 9 });
    expect(delta?.teams?.map((t) => [t.id, t.position])).toEqual([['t1', [114.32, 30.57]]]);
    expect(delta?.cells).toBeUndefined();
  });

  test('an invalid report is rejected with a reason and nothing is broadcast or stored', async () => {
    server = await startTestServer();
    const wall = await server.client();
    const phone = await server.client();
    await server.tick();
    const bad = await send(phone, 'position:report', { ...position('t1', 114.3, 95, Date.now()) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const unknown = await send(phone, 'position:report', position('ghost', 114.3, 30.5, Date.now()));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_entity', message: 'unknown team ghost' } });
    const noSuchEvent = await send(phone, 'team:teleport', {});
    expect(noSuchEvent).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    await server.tick();
    expect(withChanges(wall)).toEqual([]);
    expect(await server.store.lastSeq()).toBe(8);
  });

  test('a duplicate report id is acknowledged again but applied once', async () => {
    server = await startTestServer();
    const phone = await server.client();
    const report = { reportId: rid(), recordedAt: Date.now(), checkpointId: 'k1', refused: 2 };
    const first = await send(phone, 'checkpoint:tally', report);
    const again = await send(phone, 'checkpoint:tally', report);
    expect(first).toEqual({ ok: true, seq: 9, duplicate: false });
    expect(again).toEqual({ ok: true, seq: 9, duplicate: true });
    expect(server.ledger.state.checkpoints.k1?.today.refused).toBe(2);
    expect(await server.store.countEvents()).toBe(9);
  });

  test('100 updates to one team within a tick go out as one entry in one message', async () => {
    server = await startTestServer();
    const wall = await server.client();
    const phone = await server.client();
    await server.tick();
    const t = Date.now();
    const acks = await Promise.all(Array.from({ length: 100 }, (_, i) => send(phone, 'position:report', position('t2', 114.2 + i / 1e4, 30.5, t + i))));
    expect(acks.every((a) => a.ok)).toBe(true);
    await server.tick();
    const sent = withChanges(wall);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.teams).toHaveLength(1);
    expect(sent[0]?.teams?.[0]?.position).toEqual([114.2099, 30.5]);
    expect(sent[0]).toMatchObject({ fromSeq: 8, toSeq: 108 });
  });

  test('a wall reconnecting with its last seq receives exactly what it missed', async () => {
    server = await startTestServer();
    const phone = await server.client();
    const wall = await server.client();
    await server.tick();
    await send(phone, 'position:report', position('t1', 114.31, 30.5, Date.now()));
    await server.tick();
    const lastSeq = deltas(wall).at(-1)!.toSeq;
    wall.disconnect();

    await send(phone, 'position:report', position('t1', 114.33, 30.5, Date.now() + 1));
    await send(phone, 'position:report', position('t1', 114.34, 30.5, Date.now() + 2));
    await send(phone, 'checkpoint:setStatus', { reportId: rid(), recordedAt: Date.now(), checkpointId: 'k2', status: 'closed' });
    await server.tick();

    const back = await server.client({ lastSeq });
    await server.tick();
    expect(back.received.map((r) => r.kind)).toEqual(['delta']);
    const catchUp = deltas(back)[0]!;
    expect(catchUp).toMatchObject({ fromSeq: lastSeq, toSeq: lastSeq + 3 });
    expect(catchUp.teams?.map((t) => [t.id, t.position])).toEqual([['t1', [114.34, 30.5]]]);
    expect(catchUp.checkpoints?.map((c) => [c.id, c.status])).toEqual([['k2', 'closed']]);
    expect(catchUp.cells).toBeUndefined();

    await send(phone, 'position:report', position('t2', 114.1, 30.4, Date.now() + 3));
    await server.tick();
    expect(deltas(back)[1]).toMatchObject({ fromSeq: lastSeq + 3, toSeq: lastSeq + 4 });
  });

  test('a client claiming a seq the server never reached gets a fresh snapshot', async () => {
    server = await startTestServer();
    const wall = await server.client({ lastSeq: 9999 });
    await server.tick();
    expect(wall.received.map((r) => r.kind)).toEqual(['snapshot']);
  });

  test('a seq from another event log (a rebuilt server) gets a fresh snapshot, not a catch-up', async () => {
    server = await startTestServer();
    const first = await server.client();
    await server.tick();
    const snap = first.received[0]!;
    expect(snap.kind === 'snapshot' && snap.msg.logId).toBe(server.store.logId);
    const phone = await server.client();
    await send(phone, 'position:report', position('t1', 114.31, 30.5, Date.now()));
    await server.tick();
    const same = await server.client({ lastSeq: 8, logId: server.store.logId });
    const other = await server.client({ lastSeq: 8, logId: 'another-log' });
    await server.tick();
    expect(same.received.map((r) => r.kind)).toEqual(['delta']);
    // A snapshot of this log (the one encoded within the last second) and what changed since it.
    expect(other.received.map((r) => r.kind)).toEqual(['snapshot', 'delta']);
    const [fresh, rest] = other.received;
    expect(fresh?.kind === 'snapshot' && fresh.msg.logId).toBe(server.store.logId);
    expect(rest?.msg).toMatchObject({ fromSeq: fresh?.kind === 'snapshot' ? fresh.msg.seq : -1, toSeq: server.ledger.state.seq });
  });

  test('a bad handshake is refused with a reason', async () => {
    server = await startTestServer();
    await expect(server.client({ lastSeq: -5 })).rejects.toThrow(/invalid handshake/);
  });

  test('an idle wall still hears a heartbeat so it can tell quiet from disconnected', async () => {
    server = await startTestServer();
    const wall = await server.client();
    await server.tick();
    await new Promise((r) => setTimeout(r, 1000));
    await server.tick();
    expect(deltas(wall).at(-1)).toMatchObject({ fromSeq: 8, toSeq: 8 });
  });
});
