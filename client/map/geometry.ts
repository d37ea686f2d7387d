import type { Cell } from '../../shared/entities.js';
import type { LngLat, Ring } from '../../shared/geo.js';

/** A cell reduced to a weighted point, for the heatmap. */
export interface CellCentroid {
  id: string;
  /** WGS-84. */
  position: LngLat;
  active: number;
}

/** Vertex mean of a ring, ignoring a closing vertex that repeats the first. Good enough for small convex cells. */
export function ringCentroid(ring: Ring): LngLat {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed = ring.length > 3 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  const n = closed ? ring.length - 1 : ring.length;
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    const p = ring[i] as LngLat;
    x += p[0];
    y += p[1];
  }
  return [x / n, y / n];
}

/** Centroids of the cells that have active cases; compute once per cells identity. */
export function activeCentroids(cells: readonly Cell[]): CellCentroid[] {
  const out: CellCentroid[] = [];
  for (const c of cells) {
    if (c.counts.active > 0) out.push({ id: c.id, position: ringCentroid(c.polygon), active: c.counts.active });
  }
  return out;
}
