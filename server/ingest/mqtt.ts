import crypto from 'node:crypto';
import { connect } from 'mqtt';
import { deviceIdFromTopic, parseOwnTracks } from './owntracksParse.js';
import { logRefusedDevice, submitFix, type IngestDeps } from './submit.js';

export interface OwnTracksMqttOptions extends IngestDeps {
  /** Broker URL, e.g. `mqtt://127.0.0.1:1883` (credentials in the URL are never logged). */
  url: string;
  /** Topic filter; its `+` levels name the device (`<user>/<device>`). @default 'owntracks/+/+' */
  topic?: string;
}

export interface OwnTracksMqtt {
  /** Resolves once connected and subscribed the first time; the client keeps reconnecting after that. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** The broker's address without user or password. */
function brokerOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Subscribes to OwnTracks messages on an MQTT broker. The broker's ACL authenticates publishers, so
 * a device is looked up without a secret: register MQTT devices without `--secret` (one registered
 * with a secret is refused here, since nothing on MQTT could prove it). Bad messages are logged and
 * dropped; a QoS 1 message is acknowledged only once its fix is durable.
 */
export function startOwnTracksMqtt(opts: OwnTracksMqttOptions): OwnTracksMqtt {
  const topic = opts.topic ?? 'owntracks/+/+';
  const now = opts.now ?? Date.now;
  const log = opts.log.child({ broker: brokerOf(opts.url) });
  const client = connect(opts.url, { clientId: `gridcommand-${crypto.randomBytes(6).toString('hex')}`, reconnectPeriod: 5000, connectTimeout: 10_000 });

  async function handle(msgTopic: string, payload: Buffer | string): Promise<void> {
    const deviceId = deviceIdFromTopic(msgTopic, topic);
    if (!deviceId) return void log.warn({ topic: msgTopic }, 'OwnTracks message on a topic without <user>/<device>; dropped');
    let message: unknown;
    try {
      message = JSON.parse(payload.toString());
    } catch {
      return void log.warn({ deviceId }, 'OwnTracks message is not JSON; dropped');
    }
    const parsed = parseOwnTracks(message, deviceId, now());
    if (!parsed.ok) return void log.warn({ deviceId, reason: parsed.reason }, 'bad OwnTracks message; dropped');
    if (parsed.value.kind === 'ignored') return;
    const teamId = opts.registry.deviceTeam(deviceId, 'owntracks');
    if (!teamId) return logRefusedDevice(log, deviceId, 'owntracks-mqtt', undefined, 'unknown or revoked device, or one registered with a secret (HTTP only)');
    await submitFix(opts, parsed.value.fix, teamId, 'owntracks-mqtt');
  }

  // Replaces MQTT.js's no-op hook: it runs before the PUBACK, so the ack waits for the durable write.
  client.handleMessage = (packet, done) => {
    handle(packet.topic, packet.payload)
      .catch((err: unknown) => log.error({ err }, 'OwnTracks message failed'))
      .finally(() => done());
  };

  const ready = new Promise<void>((resolve) => {
    client.on('connect', () => {
      client.subscribe(topic, { qos: 1 }, (err) => {
        if (err) return void log.error({ err: err.message, topic }, 'MQTT subscribe failed');
        log.info({ topic }, 'OwnTracks over MQTT: subscribed');
        resolve();
      });
    });
  });
  client.on('error', (err) => log.warn({ err: err.message }, 'MQTT error'));
  client.on('offline', () => log.warn('MQTT broker unreachable; retrying every 5 s'));

  return {
    ready,
    close: () => new Promise<void>((resolve) => void client.end(false, {}, () => resolve())),
  };
}
