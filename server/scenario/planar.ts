import type { LngLat } from '../../shared/geo.js';

/**
 * Local equirectangular metres around Wuhan. At city scale (< 60 km) its error is well under 1 %,
 * and it keeps nearest-point and intersection maths simple and fast.
 */
const LAT0 = 30.58;
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);

export type XY = [number, number];

export function toXY(p: LngLat): XY {
  return [p[0] * M_PER_DEG_LNG, p[1] * M_PER_DEG_LAT];
}

export function toLngLat(p: XY): LngLat {
  return [p[0] / M_PER_DEG_LNG, p[1] / M_PER_DEG_LAT];
}

/** Squared planar distance in m², for comparisons. */
export function dist2(a: LngLat, b: LngLat): number {
  const dx = (a[0] - b[0]) * M_PER_DEG_LNG;
  const dy = (a[1] - b[1]) * M_PER_DEG_LAT;
  return dx * dx + dy * dy;
}

export function distM(a: LngLat, b: LngLat): number {
  return Math.sqrt(dist2(a, b));
}

/** Even-odd ray test against one ring. */
export function inRing(p: LngLat, ring: readonly LngLat[]): boolean {
  // Indexed access, not destructuring: this runs millions of times while the grid is built.
  let inside = false;
  const x = p[0];
  const y = p[1];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as LngLat;
    const b = ring[j] as LngLat;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** GeoJSON polygon rings: the first is the outline, the rest are holes (islands). */
export function inPolygon(p: LngLat, rings: readonly (readonly LngLat[])[]): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(p, outer) && !holes.some((h) => inRing(p, h));
}

/** Nearest point to `p` on segment a–b, with its parameter t in [0, 1]. Allocation-free maths: hot path. */
export function nearestOnSegment(p: LngLat, a: LngLat, b: LngLat): { point: LngLat; t: number } {
  const dx = (b[0] - a[0]) * M_PER_DEG_LNG;
  const dy = (b[1] - a[1]) * M_PER_DEG_LAT;
  const px = (p[0] - a[0]) * M_PER_DEG_LNG;
  const py = (p[1] - a[1]) * M_PER_DEG_LAT;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
  return { point: lerp(a, b, t), t };
}

export function lerp(a: LngLat, b: LngLat, t: number): LngLat {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Distance in metres from `p` to a polyline, and the nearest point on it with the segment index. */
export function nearestOnLine(p: LngLat, line: readonly LngLat[]): { point: LngLat; distM: number; index: number } {
  let best = { point: line[0] as LngLat, distM: Infinity, index: 0 };
  for (let i = 0; i + 1 < line.length; i++) {
    const { point } = nearestOnSegment(p, line[i] as LngLat, line[i + 1] as LngLat);
    const d = distM(p, point);
    if (d < best.distM) best = { point, distM: d, index: i };
  }
  return best;
}

/** Compass bearing a → b in degrees [0, 360), 0 = north, clockwise. */
export function bearingDeg(a: LngLat, b: LngLat): number {
  const [ax, ay] = toXY(a);
  const [bx, by] = toXY(b);
  const deg = (Math.atan2(bx - ax, by - ay) * 180) / Math.PI;
  return (deg + 360) % 360;
}

/** Intersection point of segments p1–p2 and p3–p4, or null. */
export function segmentIntersection(p1: LngLat, p2: LngLat, p3: LngLat, p4: LngLat): LngLat | null {
  const d1x = p2[0] - p1[0];
  const d1y = p2[1] - p1[1];
  const d2x = p4[0] - p3[0];
  const d2y = p4[1] - p3[1];
  const den = d1x * d2y - d1y * d2x;
  if (den === 0) return null;
  const t = ((p3[0] - p1[0]) * d2y - (p3[1] - p1[1]) * d2x) / den;
  const u = ((p3[0] - p1[0]) * d1y - (p3[1] - p1[1]) * d1x) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? lerp(p1, p2, t) : null;
}

/** Rounds to 6 decimals (~0.1 m), the precision of the source data. */
export function round6(p: LngLat): LngLat {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}
