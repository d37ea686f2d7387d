import { z } from 'zod';
import { BadInput, KNOTS_TO_MPS, deviceIdField, makeFix, numberField, parsing, timestampField, type Fix, type Parsed } from './fix.js';

/** The last non-empty value of any of `keys` (Traccar skips empty values and lets the last one win). */
export function field(p: URLSearchParams, ...keys: string[]): string | undefined {
  let found: string | undefined;
  for (const [k, v] of p) if (keys.includes(k) && v !== '') found = v;
  return found;
}

function optionalNumber(p: URLSearchParams, ...keys: string[]): number | undefined {
  const raw = field(p, ...keys);
  return raw === undefined ? undefined : numberField(keys[0]!, raw);
}

function coordinates(p: URLSearchParams): { lat: number; lon: number } {
  const lat = field(p, 'lat');
  const lon = field(p, 'lon');
  if (lat !== undefined && lon !== undefined) return { lat: numberField('lat', lat), lon: numberField('lon', lon) };
  const location = field(p, 'location');
  if (location === undefined) throw new BadInput('lat and lon (or location=lat,lon) are required');
  const parts = location.split(',');
  if (parts.length !== 2) throw new BadInput('location must be "lat,lon"');
  return { lat: numberField('location latitude', parts[0]!), lon: numberField('location longitude', parts[1]!) };
}

/**
 * The OsmAnd query form, as Traccar Client and many hardware trackers send it (GET query or form
 * POST): speed in knots, bearing in degrees, batt in percent. `altitude`, `hdop` and `charge` are
 * checked but not kept: a position report has no field for them.
 */
export function parseOsmAndQuery(p: URLSearchParams, now: number): Parsed<Fix> {
  return parsing(() => {
    const deviceId = deviceIdField('id', field(p, 'id', 'deviceid'));
    const timestamp = field(p, 'timestamp');
    // Traccar stamps a fix without time with its arrival; we need the device's time to spot retries.
    if (timestamp === undefined) throw new BadInput('timestamp is required (the time of the fix)');
    const { lat, lon } = coordinates(p);
    optionalNumber(p, 'altitude');
    optionalNumber(p, 'hdop');
    const charge = field(p, 'charge');
    if (charge !== undefined && !['true', 'false', '1', '0'].includes(charge)) throw new BadInput('charge must be true or false');
    const speedKn = optionalNumber(p, 'speed');
    return makeFix({
      deviceId,
      recordedAt: timestampField('timestamp', timestamp, now),
      lat,
      lon,
      accuracyM: optionalNumber(p, 'accuracy'),
      speedMps: speedKn === undefined ? undefined : speedKn * KNOTS_TO_MPS,
      headingDeg: optionalNumber(p, 'bearing', 'heading'),
      batteryPct: optionalNumber(p, 'batt'),
    });
  });
}

const Reading = z.number().nullish();

/** The JSON body of Traccar Client ≥ 9 (the transistorsoft background-geolocation location). */
export const TraccarJson = z.object({
  device_id: z.union([z.string(), z.number().transform(String)]),
  location: z.object({
    timestamp: z.string(),
    coords: z.object({ latitude: z.number(), longitude: z.number(), accuracy: Reading, speed: Reading, heading: Reading, altitude: Reading }),
    is_moving: z.boolean().nullish(),
    odometer: Reading,
    event: z.string().nullish(),
    battery: z.object({ level: z.number(), is_charging: z.boolean().nullish() }).nullish(),
    activity: z.object({ type: z.string() }).nullish(),
  }),
});

/** Speed is already m/s here; battery level is 0..1 and -1 when unknown. */
export function parseOsmAndJson(body: unknown, now: number): Parsed<Fix> {
  const parsed = TraccarJson.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const { device_id, location } = parsed.data;
  const { coords, battery } = location;
  return parsing(() => {
    const level = battery?.level;
    if (level !== undefined && level > 1) throw new BadInput(`location.battery.level must be 0..1, got ${level}`);
    return makeFix({
      deviceId: deviceIdField('device_id', device_id),
      recordedAt: timestampField('location.timestamp', location.timestamp, now),
      lat: coords.latitude,
      lon: coords.longitude,
      accuracyM: coords.accuracy ?? undefined,
      speedMps: coords.speed ?? undefined,
      headingDeg: coords.heading ?? undefined,
      batteryPct: level === undefined || level < 0 ? undefined : Math.round(level * 100),
    });
  });
}

/** The device id a JSON body names, if any: an unknown device is answered 404 before its fields are judged. */
export function jsonDeviceId(body: unknown): string | undefined {
  const id = (body as { device_id?: unknown } | null)?.device_id;
  return typeof id === 'string' || typeof id === 'number' ? String(id).trim() || undefined : undefined;
}
