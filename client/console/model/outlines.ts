import type { LngLat } from '../../../shared/geo.js';

/** An edge on the boundary of an area, WGS-84. */
export interface OutlineEdge {
  area: string;
  from: LngLat;
  to: LngLat;
}

const vertexKey = ([x, y]: LngLat) => `${x.toFixed(6)},${y.toFixed(6)}`;

/**
 * The outer edges of each area's union of cells: an edge two cells of the same area share is inside
 * the area and cancels out. There are no official district or street boundaries in the data, so the
 * console draws these derived outlines (adjacent H3 cells share exact vertices, rounded to 1e-6°).
 */
export function areaOutlines(shapes: readonly { id: string; polygon: readonly LngLat[] }[], areaOf: (id: string) => string | undefined): OutlineEdge[] {
  const edges = new Map<string, OutlineEdge | null>();
  for (const s of shapes) {
    const area = areaOf(s.id);
    if (area === undefined) continue;
    const ring = s.polygon;
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i] as LngLat;
      const b = ring[(i + 1) % n] as LngLat;
      const ka = vertexKey(a);
      const kb = vertexKey(b);
      if (ka === kb) continue; // the closing vertex repeats the first
      const key = `${area}|${ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`}`;
      edges.set(key, edges.has(key) ? null : { area, from: a, to: b });
    }
  }
  const out: OutlineEdge[] = [];
  for (const e of edges.values()) if (e) out.push(e);
  return out;
}
