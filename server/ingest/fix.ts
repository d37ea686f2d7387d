import crypto from 'node:crypto';

/** One position fix from a tracker app, in our units, before it is tied to a team. */
export interface Fix {
  deviceId: string;
  /** Device time of the fix (epoch ms). */
  recordedAt: number;
  lat: number;
  lon: number;
  accuracyM?: number;
  speedMps?: number;
  headingDeg?: number;
  batteryPct?: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Thrown inside parsers and turned into `{ ok: false, reason }` by `parsing()`. */
export class BadInput extends Error {}

/** Runs a parser that throws `BadInput` and returns its outcome as a value. */
export function parsing<T>(fn: () => T): Parsed<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof BadInput) return { ok: false, reason: err.message };
    throw err;
  }
}

export const KNOTS_TO_MPS = 0.514444;
export const KMH_TO_MPS = 1 / 3.6;
/** Clocks on phones drift and some trackers run on local time mislabelled as UTC: allow a day ahead. */
const MAX_AHEAD_MS = 24 * 3600_000;
const MIN_TIME = Date.UTC(2000, 0, 1);

const show = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number from a form field; `NaN`, `Infinity`, `12abc` and blanks are refused. */
export function numberField(name: string, raw: string): number {
  const n = NUMERIC.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(n)) throw new BadInput(`${name} must be a number, got ${show(raw)}`);
  return n;
}

const DIGITS = /^\d{1,16}(\.\d+)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const SPACED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ZONE = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

const realDate = (y: string, m: string, d: string) => new Date(Date.UTC(+y, +m - 1, +d)).getUTCDate() === +d && +m >= 1 && +m <= 12;

/**
 * Epoch ms from the timestamp forms trackers send, as Traccar's OsmAnd decoder reads them: a number
 * below 2^31 is unix seconds, above it unix ms; ISO 8601 (UTC when it names no zone); or
 * `yyyy-MM-dd HH:mm:ss`, taken as UTC (Traccar uses its server's zone, which is UTC in its images).
 */
export function parseTimestamp(raw: string): number | null {
  const v = raw.trim();
  if (DIGITS.test(v)) {
    const n = Number(v);
    return Math.round(n < 2 ** 31 - 1 ? n * 1000 : n);
  }
  const iso = ISO.exec(v);
  if (iso) {
    if (!realDate(iso[1]!, iso[2]!, iso[3]!)) return null;
    const t = Date.parse(ZONE.test(v.slice(16)) ? v : `${v}Z`);
    return Number.isFinite(t) ? t : null;
  }
  const s = SPACED.exec(v);
  if (s && realDate(s[1]!, s[2]!, s[3]!)) {
    const [h, mi, se] = [+s[4]!, +s[5]!, +s[6]!];
    if (h > 23 || mi > 59 || se > 59) return null;
    return Date.UTC(+s[1]!, +s[2]! - 1, +s[3]!, h, mi, se);
  }
  return null;
}

/** `parseTimestamp` that refuses what it cannot read and times before 2000 or more than a day ahead. */
export function timestampField(name: string, raw: string, now: number): number {
  const t = parseTimestamp(raw);
  if (t === null) throw new BadInput(`${name} must be unix seconds, unix ms, ISO 8601 or "yyyy-MM-dd HH:mm:ss", got ${show(raw)}`);
  const hint = DIGITS.test(raw.trim()) ? ' (numbers from 2^31 up are read as unix ms)' : '';
  if (t < MIN_TIME) throw new BadInput(`${name} ${show(raw)} is before 2000${hint}`);
  if (t > now + MAX_AHEAD_MS) throw new BadInput(`${name} ${show(raw)} is more than a day in the future`);
  return t;
}

/** A device id as the registry stores it: 1–128 printable characters. */
export function deviceIdField(name: string, raw: string | undefined): string {
  const id = raw?.trim() ?? '';
  if (!id) throw new BadInput(`${name} is required (the device identifier)`);
  if (id.length > 128 || /\p{Cc}/u.test(id)) throw new BadInput(`${name} must be 1–128 printable characters`);
  return id;
}

type Optional = Pick<Fix, 'accuracyM' | 'speedMps' | 'headingDeg' | 'batteryPct'>;
const LIMITS: Record<keyof Optional, [label: string, max: number, unit: string]> = {
  accuracyM: ['accuracy', 100_000, ' m'],
  speedMps: ['speed', 100, ' m/s'],
  headingDeg: ['heading', 360, '°'],
  batteryPct: ['battery', 100, '%'],
};

/**
 * Checks a fix. Negative speed, heading and accuracy are how Android and iOS say "unknown", so they
 * are dropped rather than refused; other values out of range are refused.
 */
export function makeFix(f: Fix): Fix {
  if (f.lat < -90 || f.lat > 90) throw new BadInput(`latitude ${f.lat} is out of range (-90..90)`);
  if (f.lon < -180 || f.lon > 180) throw new BadInput(`longitude ${f.lon} is out of range (-180..180)`);
  // Many trackers send 0,0 when they have no fix; it would put a team in the Gulf of Guinea.
  if (f.lat === 0 && f.lon === 0) throw new BadInput('latitude 0, longitude 0 is a tracker without a fix');
  const fix: Fix = { deviceId: f.deviceId, recordedAt: f.recordedAt, lat: f.lat, lon: f.lon };
  for (const key of Object.keys(LIMITS) as (keyof Optional)[]) {
    const v = f[key];
    if (v === undefined || (v < 0 && key !== 'batteryPct')) continue;
    const [label, max, unit] = LIMITS[key];
    if (v < 0 || v > max) throw new BadInput(`${label} ${+v.toFixed(2)}${unit} is out of range (0..${max}${unit})`);
    fix[key] = v;
  }
  return fix;
}

/**
 * Trackers send no report id, so one is derived from what identifies a fix: a retry of the same fix
 * gets the same id and the ledger applies it once.
 */
export function reportIdFor(f: Pick<Fix, 'deviceId' | 'recordedAt' | 'lat' | 'lon'>): string {
  return crypto.createHash('sha256').update(`${f.deviceId}\n${f.recordedAt}\n${f.lat}\n${f.lon}`).digest('base64url').slice(0, 32);
}

/** `tracker:<deviceId>`, squeezed into the event log's actor alphabet (OwnTracks ids carry a `/`). */
export function actorFor(deviceId: string): string {
  return `tracker:${deviceId.replace(/\//g, ':').replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64)}`;
}
