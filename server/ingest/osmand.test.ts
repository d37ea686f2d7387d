import { afterEach, describe, expect, test } from 'vitest';
import pino from 'pino';
import { startOsmAndServer } from './osmand.js';
import { reportIdFor } from './fix.js';
import { startIngestServer, type IngestServer } from './testIngest.js';

let server: IngestServer;
afterEach(async () => server?.stop());

const TRACCAR_QUERY = 'id=123456&timestamp=1581301234&lat=30.58&lon=114.3&speed=10.8&bearing=90&altitude=20&accuracy=5&batt=87';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

async function start() {
  server = await startIngestServer();
  server.registry.registerDevice({ deviceId: '123456', teamId: 't1', protocol: 'osmand' });
  return server;
}
const osmand = (query: string, init: RequestInit = {}) => fetch(`${server.url}/ingest/osmand${query ? `?${query}` : ''}`, init);
const post = (body: string, headers: Record<string, string>) => osmand('', { method: 'POST', headers, body });

/** The Traccar Client ≥ 9 body (transistorsoft location), as captured from the app. */
function traccarJson(over: { coords?: object; battery?: object; timestamp?: string; device_id?: unknown } = {}) {
  return {
    device_id: over.device_id ?? '123456',
    location: {
      timestamp: over.timestamp ?? '2020-02-10T02:20:34.000Z',
      coords: { latitude: 30.58, longitude: 114.3, accuracy: 4.5, speed: 3.2, heading: 181.5, altitude: 22.1, ...over.coords },
      is_moving: true,
      odometer: 1520.4,
      event: 'motionchange',
      battery: { level: 0.87, is_charging: false, ...over.battery },
      activity: { type: 'on_foot' },
    },
  };
}

describe('OsmAnd protocol (Traccar Client)', () => {
  test('the Traccar Client query moves the team: knots to m/s, bearing, accuracy, battery, unix seconds', async () => {
    await start();
    const res = await osmand(TRACCAR_QUERY);
    expect(res.status).toBe(200);
    const team = server.team('t1');
    expect(team.position).toEqual([114.3, 30.58]);
    expect(team.speedMps).toBeCloseTo(10.8 * 0.514444, 6);
    expect([team.headingDeg, team.accuracyM, team.batteryPct, team.reportedAt]).toEqual([90, 5, 87, 1581301234_000]);
  });

  test('the fix is in the event log, as the tracker actor, before the 200', async () => {
    await start();
    await osmand(TRACCAR_QUERY, { method: 'POST' });
    const seq = await server.store.findReport(reportIdFor({ deviceId: '123456', recordedAt: 1581301234_000, lat: 30.58, lon: 114.3 }));
    expect(seq).toBe(await server.lastSeq());
    const events = [];
    for await (const e of server.store.readEvents(seq! - 1)) events.push(e);
    expect(events[0]).toMatchObject({ type: 'position:report', actor: 'tracker:123456', data: { teamId: 't1' } });
  });

  test('a form POST with deviceid, location=lat,lon and a "yyyy-MM-dd HH:mm:ss" time (UTC)', async () => {
    await start();
    const res = await post('deviceid=123456&location=30.6,114.31&timestamp=2020-02-10+03:00:00&heading=45&charge=true', FORM);
    expect(res.status).toBe(200);
    expect(server.team('t1')).toMatchObject({ position: [114.31, 30.6], headingDeg: 45, reportedAt: Date.UTC(2020, 1, 10, 3) });
  });

  test.each([
    ['unix ms', '1581301234567', 1581301234567],
    ['ISO 8601 with zone', '2020-02-10T10:20:34%2B08:00', Date.UTC(2020, 1, 10, 2, 20, 34)],
    ['ISO 8601 without zone, as UTC', '2020-02-10T02:20:34', Date.UTC(2020, 1, 10, 2, 20, 34)],
  ])('reads a timestamp in %s', async (_name, timestamp, expected) => {
    await start();
    expect((await osmand(`id=123456&lat=30.58&lon=114.3&timestamp=${timestamp}`)).status).toBe(200);
    expect(server.team('t1').reportedAt).toBe(expected);
  });

  test('the JSON form: m/s speed as sent, battery level 0..1 as percent', async () => {
    await start();
    const res = await post(JSON.stringify(traccarJson()), JSON_TYPE);
    expect(res.status).toBe(200);
    expect(server.team('t1')).toMatchObject({ position: [114.3, 30.58], speedMps: 3.2, headingDeg: 181.5, accuracyM: 4.5, batteryPct: 87 });
  });

  test('the JSON form: negative speed and heading and a -1 battery mean unknown and are left out', async () => {
    await start();
    await post(JSON.stringify(traccarJson({ coords: { speed: -1, heading: -1 }, battery: { level: -1 } })), JSON_TYPE);
    expect(server.team('t1')).toMatchObject({ speedMps: null, headingDeg: null, batteryPct: 90 });
  });

  test('a retried fix is applied once and answered 200 each time', async () => {
    await start();
    const before = await server.lastSeq();
    const statuses = [(await osmand(TRACCAR_QUERY)).status, (await osmand(TRACCAR_QUERY, { method: 'POST' })).status];
    const json = JSON.stringify(traccarJson({ timestamp: '2020-02-10T02:20:34Z', coords: { latitude: 30.58, longitude: 114.3 } }));
    statuses.push((await post(json, JSON_TYPE)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(await server.lastSeq()).toBe(before + 1);
  });

  test('an unknown device is refused (400 query, 404 JSON), logged by id, and changes nothing', async () => {
    await start();
    const before = await server.lastSeq();
    expect((await osmand(TRACCAR_QUERY.replace('123456', '999'))).status).toBe(400);
    expect((await post(JSON.stringify(traccarJson({ device_id: '999' })), JSON_TYPE)).status).toBe(404);
    server.registry.revokeDevice('123456');
    expect((await osmand(TRACCAR_QUERY)).status).toBe(400);
    expect(await server.lastSeq()).toBe(before);
    expect(server.logs.filter((l) => l.includes('"deviceId":"999"') && l.includes('tracker refused'))).toHaveLength(2);
  });

  test('a device registered for OwnTracks only is refused here', async () => {
    await start();
    server.registry.registerDevice({ deviceId: 'alice/phone', teamId: 't1', protocol: 'owntracks' });
    expect((await osmand('id=alice/phone&lat=30.58&lon=114.3&timestamp=1581301234')).status).toBe(400);
  });

  const base = 'id=123456&timestamp=1581301234';
  test.each([
    ['no id', 'lat=30.58&lon=114.3&timestamp=1581301234', /id is required/],
    ['no timestamp', 'id=123456&lat=30.58&lon=114.3', /timestamp is required/],
    ['no coordinates', `${base}&speed=1`, /lat and lon/],
    ['latitude out of range', `${base}&lat=91&lon=114.3`, /latitude 91 is out of range/],
    ['longitude out of range', `${base}&lat=30&lon=-181`, /longitude -181 is out of range/],
    ['NaN', `${base}&lat=NaN&lon=114.3`, /lat must be a number, got "NaN"/],
    ['non-numeric', `${base}&lat=30.5&lon=114,3`, /lon must be a number/],
    ['Infinity speed', `${base}&lat=30.5&lon=114.3&speed=Infinity`, /speed must be a number/],
    ['no fix (0,0)', `${base}&lat=0&lon=0`, /without a fix/],
    ['half a location', `${base}&location=30.5`, /location must be "lat,lon"/],
    ['timestamp in 1970', 'id=123456&timestamp=5&lat=30.5&lon=114.3', /before 2000/],
    ['timestamp years ahead', 'id=123456&timestamp=2147483000&lat=30.5&lon=114.3', /in the future/],
    ['seconds too big to be seconds', 'id=123456&timestamp=4102444800&lat=30.5&lon=114.3', /before 2000 \(numbers from 2\^31 up are read as unix ms\)/],
    ['unreadable timestamp', 'id=123456&timestamp=yesterday&lat=30.5&lon=114.3', /timestamp must be/],
    ['impossible date', 'id=123456&timestamp=2020-02-30+10:00:00&lat=30.5&lon=114.3', /timestamp must be/],
    ['battery over 100', `${base}&lat=30.5&lon=114.3&batt=150`, /battery 150% is out of range/],
    ['bearing over 360', `${base}&lat=30.5&lon=114.3&bearing=361`, /heading 361° is out of range/],
    ['speed of a jet (400 kn)', `${base}&lat=30.5&lon=114.3&speed=400`, /speed 205.78 m\/s is out of range/],
  ])('refuses %s with a clear reason and changes nothing', async (_name, query, reason) => {
    await start();
    const before = await server.lastSeq();
    const res = await osmand(query);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(reason);
    expect(await server.lastSeq()).toBe(before);
  });

  test.each([
    ['latitude as a string', traccarJson({ coords: { latitude: '30.58' } }), /location\.coords\.latitude/],
    ['no coords', { device_id: '123456', location: { timestamp: '2020-02-10T02:20:34Z' } }, /location\.coords/],
    ['battery level above 1', traccarJson({ battery: { level: 87 } }), /battery\.level must be 0\.\.1/],
    ['no device_id', { location: traccarJson().location }, /device_id is required/],
    ['a bad timestamp', traccarJson({ timestamp: 'now' }), /location\.timestamp must be/],
  ])('refuses a JSON body with %s (400, JSON reason) and changes nothing', async (_name, body, reason) => {
    await start();
    const before = await server.lastSeq();
    const res = await post(JSON.stringify(body), JSON_TYPE);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(reason);
    expect(await server.lastSeq()).toBe(before);
  });

  test('refuses malformed JSON and bodies over 16 KB', async () => {
    await start();
    const before = await server.lastSeq();
    expect((await post('{"device_id":', JSON_TYPE)).status).toBe(400);
    const huge = await post(`${TRACCAR_QUERY}&pad=${'x'.repeat(20_000)}`, FORM);
    expect(huge.status).toBe(413);
    expect(await huge.text()).toMatch(/too large/);
    expect((await post(JSON.stringify({ ...traccarJson(), pad: 'x'.repeat(20_000) }), JSON_TYPE)).status).toBe(413);
    expect(await server.lastSeq()).toBe(before);
  });

  test('an unknown charset or content encoding is a 415 with code invalid, not internal (found by the fuzzer)', async () => {
    await start();
    const before = await server.lastSeq();
    for (const headers of [{ 'content-type': 'application/json; charset=x-fuzz' }, { ...JSON_TYPE, 'content-encoding': 'x-fuzz' }]) {
      const res = await post(JSON.stringify(traccarJson()), headers);
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await server.lastSeq()).toBe(before);
  });

  test('its own port serves the same protocol at / (what an unmodified Traccar Client points at)', async () => {
    await start();
    const own = await startOsmAndServer({ ledger: server.ledger, registry: server.registry, log: pino({ level: 'silent' }), port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(`http://127.0.0.1:${own.port}/?${TRACCAR_QUERY}`, { method: 'POST' })).status).toBe(200);
      expect(server.team('t1').position).toEqual([114.3, 30.58]);
    } finally {
      await own.close();
    }
  });

  test('tracker answers skip the compression middleware (a second-by-second fix must not leave it behind), API answers keep it', async () => {
    await start();
    const gzip = { 'accept-encoding': 'gzip' };
    const fix = await osmand(TRACCAR_QUERY, { method: 'POST', headers: gzip });
    expect(fix.status).toBe(200);
    expect(fix.headers.get('vary')).toBeNull();
    const refused = await osmand('id=123456', { method: 'POST', headers: gzip });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('vary')).toBeNull();
    const api = await server.api('/api/health', { headers: gzip });
    expect(api.headers.get('vary')).toMatch(/accept-encoding/i);
  });
});
