import { z } from 'zod';
import { BadInput, KMH_TO_MPS, makeFix, parsing, timestampField, type Fix, type Parsed } from './fix.js';

const Reading = z.number().nullish();

/** An OwnTracks `location` message: tst in unix seconds, vel in km/h, cog in degrees, batt in percent. */
export const OwnTracksLocation = z.object({
  _type: z.literal('location'),
  lat: z.number(),
  lon: z.number(),
  tst: z.number().int(),
  acc: Reading,
  alt: Reading,
  batt: Reading,
  vel: Reading,
  cog: Reading,
  tid: z.string().nullish(),
  topic: z.string().nullish(),
});

export type OwnTracksMessage = { kind: 'fix'; fix: Fix } | { kind: 'ignored'; type: string };

/**
 * Reads one OwnTracks message for `deviceId`. Only `location` carries a position; `transition`,
 * `waypoint`, `card`, `lwt`, `status` and the rest are ignored. Encrypted payloads are refused, not
 * ignored: dropping them quietly would lose every fix of a phone with encryption switched on.
 */
export function parseOwnTracks(message: unknown, deviceId: string, now: number): Parsed<OwnTracksMessage> {
  const type = (message as { _type?: unknown } | null)?._type;
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { ok: false, reason: 'expected a JSON object' };
  if (typeof type !== 'string') return { ok: false, reason: '_type is required' };
  if (type === 'encrypted') return { ok: false, reason: 'encrypted payloads are not supported: turn encryption off in the OwnTracks app' };
  if (type !== 'location') return { ok: true, value: { kind: 'ignored', type } };
  const parsed = OwnTracksLocation.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const m = parsed.data;
  return parsing(() => {
    if (m.tst > 2 ** 31) throw new BadInput('tst must be unix seconds');
    const fix = makeFix({
      deviceId,
      recordedAt: timestampField('tst', String(m.tst), now),
      lat: m.lat,
      lon: m.lon,
      accuracyM: m.acc ?? undefined,
      speedMps: m.vel == null ? undefined : m.vel * KMH_TO_MPS,
      headingDeg: m.cog ?? undefined,
      batteryPct: m.batt ?? undefined,
    });
    return { kind: 'fix', fix } as const;
  });
}

/** `<user>/<device>` from a topic like `owntracks/alice/phone`, given the filter it matched (`owntracks/+/+`). */
export function deviceIdFromTopic(topic: string, filter: string): string | null {
  const levels = topic.split('/');
  const pattern = filter.split('/');
  const captured: string[] = [];
  for (const [i, p] of pattern.entries()) {
    if (p === '#') break;
    const level = levels[i];
    if (level === undefined || (p !== '+' && p !== level)) return null;
    if (p === '+') captured.push(level);
  }
  if (!pattern.includes('#') && levels.length !== pattern.length) return null;
  const id = captured.join('/');
  return id && captured.every(Boolean) ? id : null;
}

/**
 * The device of an OwnTracks HTTP request. The apps send `X-Limit-U` (user) and `X-Limit-D` (device);
 * without them the user is the Basic-auth user and the device is the last level of the message's
 * `topic` (`owntracks/<user>/<device>`). Null when neither names a device.
 */
export function httpDeviceId(h: { user?: string; device?: string }, basicUser: string, topic?: string | null): string | null {
  const user = h.user?.trim() || basicUser;
  const fromTopic = topic?.split('/');
  const device = h.device?.trim() || (fromTopic && fromTopic.length >= 3 ? fromTopic.at(-1) : undefined);
  return user && device ? `${user}/${device}` : null;
}

/** User and password of an HTTP Basic `Authorization` header, or null. */
export function basicAuth(header: string | undefined): { user: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
