import type { Cell, RiskLevel } from '../../shared/entities.js';
import type { LngLat, Ring } from '../../shared/geo.js';
import { ringCentroid } from './geometry.js';

/** The static part of a cell: its outline and centre. */
export interface CellShape {
  id: string;
  /** WGS-84. */
  polygon: Ring;
  /** WGS-84, vertex mean. */
  centroid: LngLat;
}

/**
 * Cell outlines, reusing `previous` when no cell was added, removed or reshaped. Counts change every
 * second but the grid almost never does, and re-tessellating ~6,000 hexagons per burst is what would
 * make the wall stutter: with a stable `data` array deck.gl only refreshes the colours.
 */
export function cellShapes(cells: readonly Cell[], previous: readonly CellShape[] | null): readonly CellShape[] {
  if (previous && sameGeometry(cells, previous)) return previous;
  return cells.map((c) => ({ id: c.id, polygon: c.polygon, centroid: ringCentroid(c.polygon) }));
}

function sameGeometry(cells: readonly Cell[], shapes: readonly CellShape[]): boolean {
  if (cells.length !== shapes.length) return false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as Cell;
    const s = shapes[i] as CellShape;
    if (c.id !== s.id || !sameRing(c.polygon, s.polygon)) return false;
  }
  return true;
}

function sameRing(a: Ring, b: Ring): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as LngLat;
    const q = b[i] as LngLat;
    if (p[0] !== q[0] || p[1] !== q[1]) return false;
  }
  return true;
}

const RISK_CODE: Record<RiskLevel, string> = { low: 'l', medium: 'm', high: 'h' };

/**
 * One character per shape: the `updateTriggers` value for cell colours. A string compares by value,
 * so colours are recomputed only when some cell's risk really changed, not on every count update.
 */
export function riskKey(shapes: readonly CellShape[], cells: Record<string, Cell>): string {
  let key = '';
  for (const s of shapes) key += RISK_CODE[cells[s.id]?.risk ?? 'low'];
  return key;
}

/** `cellShapes` remembering its last answer: one per map, so successive renders can reuse it. */
export function createCellShapesCache(): (cells: readonly Cell[]) => readonly CellShape[] {
  let last: readonly CellShape[] | null = null;
  return (cells) => (last = cellShapes(cells, last));
}
