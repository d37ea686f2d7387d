import crypto from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { connectAsync, type MqttClient } from 'mqtt';
import { startOwnTracksMqtt, type OwnTracksMqtt } from './mqtt.js';
import { startIngestServer, type IngestServer } from './testIngest.js';

// A real Mosquitto runs on this machine and in CI; without it this test must fail, not skip.
const BROKER = process.env.MQTT_TEST_URL ?? 'mqtt://127.0.0.1:1883';

let server: IngestServer | undefined;
let ingest: OwnTracksMqtt | undefined;
let phone: MqttClient | undefined;
afterEach(async () => {
  await ingest?.close();
  await phone?.endAsync();
  await server?.stop();
  [server, ingest, phone] = [undefined, undefined, undefined];
});

async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(what)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The server subscribed to a topic of its own (tests share the broker) and a phone publishing to it. */
async function start() {
  const prefix = `gctest-${crypto.randomBytes(4).toString('hex')}`;
  const unreachable = `MQTT broker not reachable at ${BROKER}: start Mosquitto (CI checks it is up)`;
  phone = await within(3000, unreachable, connectAsync(BROKER, { reconnectPeriod: 0, connectTimeout: 2500 })).catch((err: Error) => {
    throw new Error(err.message.startsWith('MQTT broker') ? err.message : `${unreachable} (${err.message})`);
  });
  server = await startIngestServer();
  server.registry.registerDevice({ deviceId: 'alice/phone', teamId: 't1', protocol: 'owntracks' });
  ingest = startOwnTracksMqtt({ url: BROKER, topic: `${prefix}/+/+`, ledger: server.ledger, registry: server.registry, log: server.log });
  await within(5000, `ingest did not subscribe at ${BROKER}`, ingest.ready);
  const publish = (device: string, message: unknown) =>
    phone!.publishAsync(`${prefix}/${device}`, typeof message === 'string' ? message : JSON.stringify(message), { qos: 1 });
  return { server, publish };
}

const location = (over: object = {}) => ({ _type: 'location', lat: 30.6, lon: 114.32, tst: 1581301234, acc: 8, vel: 36, cog: 90, batt: 55, tid: 'ph', ...over });

describe('OwnTracks over MQTT (real Mosquitto)', () => {
  test('a published location reaches the event log and moves the team', async () => {
    const { server, publish } = await start();
    await publish('alice/phone', location());
    await vi.waitFor(() => expect(server.team('t1').reportedAt).toBe(1581301234_000), { timeout: 5000, interval: 20 });
    expect(server.team('t1')).toMatchObject({ position: [114.32, 30.6], speedMps: 10, headingDeg: 90, accuracyM: 8, batteryPct: 55 });
  });

  test('a republished location is applied once', async () => {
    const { server, publish } = await start();
    const before = await server.lastSeq();
    await publish('alice/phone', location());
    await publish('alice/phone', location());
    await publish('alice/phone', location({ tst: 1581301300 }));
    await vi.waitFor(() => expect(server.team('t1').reportedAt).toBe(1581301300_000), { timeout: 5000, interval: 20 });
    expect(await server.lastSeq()).toBe(before + 2);
  });

  test('bad, unknown and secret-holding publishers are logged and dropped; the ingest keeps going', async () => {
    const { server, publish } = await start();
    server.registry.registerDevice({ deviceId: 'carol/phone', teamId: 't2', protocol: 'owntracks', secret: 'http-only' });
    const before = await server.lastSeq();
    await publish('alice/phone', 'not json {');
    await publish('alice/phone', location({ lat: 'north' }));
    await publish('alice/phone', location({ lat: 91 }));
    await publish('alice/phone', { _type: 'transition', event: 'enter', tst: 1581301234 });
    await publish('mallory/phone', location());
    await publish('carol/phone', location());
    await publish('alice/phone', location({ tst: 1581301400 }));
    await vi.waitFor(() => expect(server.team('t1').reportedAt).toBe(1581301400_000), { timeout: 5000, interval: 20 });
    expect(await server.lastSeq()).toBe(before + 1);
    expect(server.team('t2').reportedAt).toBeNull();
    const logged = server.logs.join('');
    expect(logged).toContain('not JSON');
    expect(logged).toContain('latitude 91 is out of range');
    expect(logged).toContain('"deviceId":"mallory/phone"');
    expect(logged).toContain('"deviceId":"carol/phone"');
  });
});
