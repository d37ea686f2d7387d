import type { CommandOf } from '../../../shared/commands.js';
import type { Fix } from './rate.js';

/** The fields of a GeolocationPosition we use (a plain object, so tests need no browser). */
export interface GeoFix {
  timestamp: number;
  coords: { longitude: number; latitude: number; accuracy: number; speed: number | null; heading: number | null };
}

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

export function toFix(geo: GeoFix): Fix {
  return { at: Math.round(geo.timestamp), position: [geo.coords.longitude, geo.coords.latitude], speedMps: finite(geo.coords.speed) ? geo.coords.speed : null };
}

/** A position report from a fix; recordedAt is the fix's own time, not when it was queued. Heading is NaN when standing still. */
export function toPositionReport(geo: GeoFix, teamId: string, reportId: string, batteryPct?: number): CommandOf<'position:report'> {
  const { coords } = geo;
  return {
    reportId,
    recordedAt: Math.round(geo.timestamp),
    teamId,
    position: [coords.longitude, coords.latitude],
    ...(finite(coords.accuracy) && { accuracyM: clamp(coords.accuracy, 0, 100_000) }),
    ...(finite(coords.speed) && { speedMps: clamp(coords.speed, 0, 100) }),
    ...(finite(coords.heading) && { headingDeg: clamp(coords.heading, 0, 360) }),
    ...(batteryPct !== undefined && { batteryPct: clamp(batteryPct, 0, 100) }),
  };
}
