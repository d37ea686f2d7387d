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

/**
 * Centroids of the cells with active cases. Returns `previous` when the weights are unchanged, so the
 * heatmap does not re-aggregate after updates that moved no active count.
 */
export function activeCentroids(
  shapes: readonly { id: string; centroid: LngLat }[],
  cells: Record<string, Cell>,
  previous: readonly CellCentroid[] | null = null,
): readonly CellCentroid[] {
  const out: CellCentroid[] = [];
  for (const s of shapes) {
    const active = cells[s.id]?.counts.active ?? 0;
    if (active > 0) out.push({ id: s.id, position: s.centroid, active });
  }
  return previous && sameWeights(out, previous) ? previous : out;
}

function sameWeights(a: readonly CellCentroid[], b: readonly CellCentroid[]): boolean {
  return a.length === b.length && a.every((p, i) => p.id === b[i]?.id && p.active === b[i]?.active);
}

/** `activeCentroids` remembering its last answer: one per map, so successive renders can reuse it. */
export function createActiveCentroidsCache(): (shapes: readonly { id: string; centroid: LngLat }[], cells: Record<string, Cell>) => readonly CellCentroid[] {
  let last: readonly CellCentroid[] | null = null;
  return (shapes, cells) => (last = activeCentroids(shapes, cells, last));
}
