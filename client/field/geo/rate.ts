import { distanceM, type LngLat } from '../../../shared/geo.js';

/** Adaptive reporting like ATAK: often when moving fast, rarely when standing still. */
export const RATE = {
  /** Above this speed (m/s) a team is moving fast. @default 5 */
  fastMps: 5,
  /** Below this speed (m/s) a team counts as stationary (GPS jitter). @default 0.5 */
  stationaryMps: 0.5,
  fastIntervalMs: 2_000,
  slowIntervalMs: 20_000,
  stationaryIntervalMs: 180_000,
  /** A jump this far (m) is sent at once whatever the interval, e.g. after leaving a car park. @default 100 */
  jumpM: 100,
} as const;

/** A fix as the rate logic sees it. */
export interface Fix {
  at: number;
  position: LngLat;
  /** From the GPS; null when the device does not report it. */
  speedMps: number | null;
}

/** Speed of `fix`: the GPS value, or else derived from the last sent fix. */
export function speedOf(fix: Fix, last: Fix | null): number {
  if (fix.speedMps !== null && Number.isFinite(fix.speedMps)) return fix.speedMps;
  if (!last || fix.at <= last.at) return 0;
  return distanceM(last.position, fix.position) / ((fix.at - last.at) / 1000);
}

export function intervalFor(speedMps: number, rate = RATE): number {
  if (speedMps > rate.fastMps) return rate.fastIntervalMs;
  if (speedMps >= rate.stationaryMps) return rate.slowIntervalMs;
  return rate.stationaryIntervalMs;
}

/** Whether to report `fix`, given the last reported one. */
export function shouldReport(fix: Fix, last: Fix | null, rate = RATE): boolean {
  if (!last) return true;
  if (distanceM(last.position, fix.position) >= rate.jumpM) return true;
  return fix.at - last.at >= intervalFor(speedOf(fix, last), rate);
}
