import { afterEach, describe, expect, test } from 'vitest';
import { startIngestServer, type IngestServer } from './testIngest.js';

let server: IngestServer;
afterEach(async () => server?.stop());

const SECRET = 'correct-horse-battery';
/** A location as OwnTracks for Android posts it in HTTP mode. */
const LOCATION = {
  _type: 'location',
  acc: 12,
  alt: 35,
  batt: 64,
  bs: 1,
  conn: 'w',
  created_at: 1581301240,
  lat: 30.59,
  lon: 114.29,
  m: 1,
  tid: 'ph',
  tst: 1581301234,
  vac: 3,
  vel: 18,
  cog: 270,
  topic: 'owntracks/alice/phone',
};

async function start() {
  server = await startIngestServer();
  server.registry.registerDevice({ deviceId: 'alice/phone', teamId: 't2', protocol: 'owntracks', secret: SECRET });
  return server;
}
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function send(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/ingest/owntracks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basic('alice', SECRET), 'x-limit-u': 'alice', 'x-limit-d': 'phone', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('OwnTracks HTTP mode', () => {
  test('a location moves the team (km/h to m/s, cog as heading) and is answered with []', async () => {
    await start();
    const res = await send(LOCATION);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    expect(server.team('t2')).toMatchObject({ position: [114.29, 30.59], speedMps: 5, headingDeg: 270, accuracyM: 12, batteryPct: 64, reportedAt: 1581301234_000 });
  });

  test('without X-Limit headers the device is the Basic user plus the last level of the topic', async () => {
    await start();
    const res = await send(LOCATION, { 'x-limit-u': '', 'x-limit-d': '' });
    expect(res.status).toBe(200);
    expect(server.team('t2').position).toEqual([114.29, 30.59]);
  });

  test('a resent location is applied once', async () => {
    await start();
    const before = await server.lastSeq();
    expect([(await send(LOCATION)).status, (await send(LOCATION)).status]).toEqual([200, 200]);
    expect(await server.lastSeq()).toBe(before + 1);
  });

  test('no, wrong or unknown credentials get 401 with a Basic challenge, change nothing, and no password is logged', async () => {
    await start();
    server.registry.registerDevice({ deviceId: 'bob/phone', teamId: 't1', protocol: 'owntracks' });
    const before = await server.lastSeq();
    const attempts = [
      send(LOCATION, { authorization: '' }),
      send(LOCATION, { authorization: basic('alice', 'guess-password') }),
      send(LOCATION, { 'x-limit-u': 'mallory', authorization: basic('mallory', SECRET) }),
      // Registered without a secret (an MQTT device): HTTP could not prove who is sending.
      send(LOCATION, { 'x-limit-u': 'bob', authorization: basic('bob', 'anything') }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="GridCommand"');
    }
    expect(await server.lastSeq()).toBe(before);
    const logged = server.logs.join('');
    expect(logged).toContain('"deviceId":"mallory/phone"');
    expect(logged).toContain('"deviceId":"bob/phone"');
    expect(logged).not.toMatch(/guess-password|correct-horse|anything/);
  });

  test.each(['transition', 'waypoint', 'waypoints', 'card', 'lwt', 'status', 'beacon', 'cmd'])('a %s message is accepted with [] and ignored', async (type) => {
    await start();
    const before = await server.lastSeq();
    const res = await send({ _type: type, tst: 1581301234, desc: 'Home', event: 'enter', lat: 30.5, lon: 114.3 });
    expect([res.status, await res.json()]).toEqual([200, []]);
    expect(await server.lastSeq()).toBe(before);
  });

  test.each([
    ['no lat', { ...LOCATION, lat: undefined }, /lat/],
    ['lat as a string', { ...LOCATION, lat: '30.59' }, /lat: Invalid input: expected number/],
    ['latitude out of range', { ...LOCATION, lat: 95 }, /latitude 95 is out of range/],
    ['tst in milliseconds', { ...LOCATION, tst: 1581301234000 }, /tst must be unix seconds/],
    ['no tst', { ...LOCATION, tst: undefined }, /tst/],
    ['vel as text', { ...LOCATION, vel: 'fast' }, /vel/],
    ['battery over 100', { ...LOCATION, batt: 140 }, /battery 140% is out of range/],
    ['no _type', { lat: 30.5, lon: 114.3, tst: 1581301234 }, /_type is required/],
    ['an array', [LOCATION], /expected a JSON object/],
    ['an encrypted payload', { _type: 'encrypted', data: 'bm9wZQ==' }, /encrypted payloads are not supported/],
    ['malformed JSON', '{"_type":"location",', /not valid JSON/],
  ])('refuses %s with 400 and a reason, changing nothing', async (_name, body, reason) => {
    await start();
    const before = await server.lastSeq();
    const res = await send(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(reason);
    expect(await server.lastSeq()).toBe(before);
  });

  test('other methods than POST get 405 in the JSON error shape, not an HTML 404 page (found by the fuzzer)', async () => {
    await start();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(`${server.url}/ingest/owntracks`, { method, headers: { authorization: basic('alice', SECRET) } });
      expect([res.status, res.headers.get('allow')]).toEqual([405, 'POST']);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  });

  test('refuses bodies over 16 KB with 413', async () => {
    await start();
    const before = await server.lastSeq();
    expect((await send({ ...LOCATION, pad: 'x'.repeat(20_000) })).status).toBe(413);
    expect(await server.lastSeq()).toBe(before);
  });
});
