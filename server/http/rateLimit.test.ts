import { afterEach, describe, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { position } from '../testing/fixtures.js';
import { startTestServer } from '../testing/liveServer.js';
import pino from 'pino';
import { limiter } from './rateLimit.js';
import { createIngestRouters } from '../ingest/ingest.js';
import { startOsmAndServer } from '../ingest/osmand.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

describe('rate limits', () => {
  test('an address over its budget gets 429 with Retry-After and a JSON reason, on any route', async () => {
    server = await startTestServer({ rateLimits: { perIp: 5, perActor: 1000, signInPerIp: 1000 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${server.url}/api/health`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await fetch(`${server.url}/api/v1/docs`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  test('a principal over its budget is refused per command on the socket, and nothing is written', async () => {
    server = await startTestServer({ rateLimits: { perIp: 1_000_000, perActor: 3, signInPerIp: 1000 } });
    const phone = await server.client({ role: 'field' }, await server.signIn('t1'));
    const seq = server.ledger.state.seq;
    const acks: Ack[] = [];
    for (let i = 0; i < 5; i++) {
      acks.push(await new Promise<Ack>((resolve) => (phone.emit as (...a: unknown[]) => void)('position:report', position('t1', 114.3, 30.5 + i / 1000, Date.now()), resolve)));
    }
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'ok', 'rate_limited', 'rate_limited']);
    expect(server.ledger.state.seq).toBe(seq + 3);
    // Another team has its own budget.
    const other = await server.client({ role: 'field' }, await server.signIn('t2'));
    const ack = await new Promise<Ack>((resolve) => (other.emit as (...a: unknown[]) => void)('position:report', position('t2', 114.3, 30.5, Date.now()), resolve));
    expect(ack.ok).toBe(true);
  });

  test('a tracker over its own budget gets 429 and its fix is not written; another tracker is not affected', async () => {
    const log = pino({ level: 'silent' });
    server = await startTestServer({ routers: ({ ledger, registry }) => createIngestRouters({ ledger, registry, log, deviceLimit: limiter(2) }) });
    server.registry.registerDevice({ deviceId: 'gps-1', teamId: 't1', protocol: 'osmand' });
    server.registry.registerDevice({ deviceId: 'gps-2', teamId: 't2', protocol: 'osmand' });
    const fix = (id: string, i: number) => fetch(`${server.url}/ingest/osmand?id=${id}&lat=30.5${i}&lon=114.3&timestamp=${Math.floor(Date.now() / 1000) - 10 + i}`, { method: 'POST' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fix('gps-1', i)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(server.ledger.state.teams.t1?.position?.[1]).toBeCloseTo(30.51, 5);
    expect((await fix('gps-2', 0)).status).toBe(200);
  });

  test('the OsmAnd listener on its own port has the per-address budget too', async () => {
    server = await startTestServer();
    server.registry.registerDevice({ deviceId: 'gps-1', teamId: 't1', protocol: 'osmand' });
    const own = await startOsmAndServer({ ledger: server.ledger, registry: server.registry, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1', addressLimit: limiter(2) });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`http://127.0.0.1:${own.port}/?id=gps-1&lat=30.5${i}&lon=114.3&timestamp=${Math.floor(Date.now() / 1000) - 10 + i}`, { method: 'POST' })).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await own.close();
    }
  });

  test('a limiter counts per key and tells when to retry', async () => {
    const limit = limiter(2, 60, 'fixes');
    expect(await limit('a')).toBeNull();
    expect(await limit('a')).toBeNull();
    expect(await limit('b')).toBeNull();
    expect(await limit('a')).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/too many fixes; retry in \d+ s/) } });
  });
});
