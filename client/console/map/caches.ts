import type { Cell } from '../../../shared/entities.js';
import type { CellShape } from '../../map/cellShapes.js';
import { areaOutlines, type OutlineEdge } from '../model/outlines.js';

/**
 * The shapes that pass `pass`, as the same array while the same cells pass. Filters are applied to
 * cells whose counts change every second; re-filtering would hand deck.gl a new array each time and
 * re-tessellate ~6,000 hexagons, so the result is keyed by which cells pass, not by the cells.
 */
export function createFilteredShapesCache(): (shapes: readonly CellShape[], pass: (id: string) => boolean) => readonly CellShape[] {
  let lastShapes: readonly CellShape[] | null = null;
  let lastKey = '';
  let last: readonly CellShape[] = [];
  return (shapes, pass) => {
    let key = '';
    for (const s of shapes) key += pass(s.id) ? '1' : '0';
    if (shapes === lastShapes && key === lastKey) return last;
    lastShapes = shapes;
    lastKey = key;
    last = key.includes('0') ? shapes.filter((s) => pass(s.id)) : shapes;
    return last;
  };
}

/** District and street outlines, recomputed only when the grid's geometry changes (shapes identity). */
export function createOutlinesCache(): (shapes: readonly CellShape[], cells: Record<string, Cell>) => { district: OutlineEdge[]; street: OutlineEdge[] } {
  let lastShapes: readonly CellShape[] | null = null;
  let last = { district: [] as OutlineEdge[], street: [] as OutlineEdge[] };
  return (shapes, cells) => {
    if (shapes === lastShapes) return last;
    lastShapes = shapes;
    last = {
      district: areaOutlines(shapes, (id) => cells[id]?.districtCode),
      street: areaOutlines(shapes, (id) => cells[id]?.streetCode),
    };
    return last;
  };
}
