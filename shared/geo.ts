import { z } from './zod.js';

/** Longitude in degrees, WGS-84. */
export const Lng = z.number().finite().min(-180).max(180);
/** Latitude in degrees, WGS-84. */
export const Lat = z.number().finite().min(-90).max(90);

/** A position as `[lng, lat]` in WGS-84 — the only coordinate order on the wire. */
export const LngLat = z.tuple([Lng, Lat]);
export type LngLat = z.infer<typeof LngLat>;

/** A closed or open outer ring of a polygon; 3 to 512 vertices. */
export const Ring = z.array(LngLat).min(3).max(512);
export type Ring = z.infer<typeof Ring>;

/** Epoch milliseconds. Bounded so a wrong unit (seconds, microseconds) is caught, not stored. */
export const EpochMs = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1), 'timestamp before 2000: is it in seconds instead of milliseconds?')
  .max(Date.UTC(2100, 0, 1), 'timestamp after 2100: is it in microseconds?');
export type EpochMs = z.infer<typeof EpochMs>;

/** Great-circle distance in metres (haversine); good to ~0.5 % at city scale. */
export function distanceM(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
