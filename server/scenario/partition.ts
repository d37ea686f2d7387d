import type { LngLat } from '../../shared/geo.js';
import { dist2 } from './planar.js';

/**
 * Splits points into `k` compact, mostly contiguous groups: farthest-point seeds from `start`,
 * then a few k-means rounds. Returns, per point, its group index; groups are numbered by the
 * distance of their seed from `start`, so group 0 is the most central.
 */
export function partition(points: readonly LngLat[], k: number, start: LngLat): number[] {
  const n = points.length;
  if (n === 0) return [];
  const groups = Math.max(1, Math.min(k, n));
  let seeds = farthestPointSeeds(points, groups, start);
  let owner = assign(points, seeds);
  for (let round = 0; round < 4; round++) {
    seeds = centroids(points, owner, seeds);
    owner = assign(points, seeds);
  }
  const order = seeds.map((s, i) => ({ i, d: dist2(s, start) })).sort((a, b) => a.d - b.d || a.i - b.i);
  const rank = new Array<number>(groups);
  order.forEach((o, r) => (rank[o.i] = r));
  return owner.map((g) => rank[g] as number);
}

function farthestPointSeeds(points: readonly LngLat[], k: number, start: LngLat): LngLat[] {
  const nearestToStart = points.reduce((best, p) => (dist2(p, start) < dist2(best, start) ? p : best));
  const seeds: LngLat[] = [nearestToStart];
  const gap = points.map((p) => dist2(p, nearestToStart));
  while (seeds.length < k) {
    let far = 0;
    for (let i = 1; i < points.length; i++) if ((gap[i] as number) > (gap[far] as number)) far = i;
    const s = points[far] as LngLat;
    seeds.push(s);
    points.forEach((p, i) => (gap[i] = Math.min(gap[i] as number, dist2(p, s))));
  }
  return seeds;
}

function assign(points: readonly LngLat[], seeds: readonly LngLat[]): number[] {
  return points.map((p) => {
    let best = 0;
    for (let s = 1; s < seeds.length; s++) if (dist2(p, seeds[s] as LngLat) < dist2(p, seeds[best] as LngLat)) best = s;
    return best;
  });
}

function centroids(points: readonly LngLat[], owner: readonly number[], seeds: readonly LngLat[]): LngLat[] {
  const sum = seeds.map(() => [0, 0, 0]);
  points.forEach((p, i) => {
    const acc = sum[owner[i] as number] as number[];
    acc[0] = (acc[0] as number) + p[0];
    acc[1] = (acc[1] as number) + p[1];
    acc[2] = (acc[2] as number) + 1;
  });
  // An emptied group keeps its old seed rather than vanishing, so every street keeps its cells.
  return sum.map(([x = 0, y = 0, c = 0], s) => (c > 0 ? [x / c, y / c] : (seeds[s] as LngLat)));
}
