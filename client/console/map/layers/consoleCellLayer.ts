import { PolygonLayer } from '@deck.gl/layers';
import type { CellShape } from '../../../map/cellShapes.js';
import type { DisplayOptions, Rgba } from '../../../map/layers/display.js';

/** Options of `createConsoleCellLayer`. */
export interface ConsoleCellLayerOptions extends DisplayOptions {
  /** Fill of a cell by id (risk colour, or its area's choropleth class). */
  fillOf: (id: string) => Rgba;
  /** Outline of a cell by id. */
  lineOf: (id: string) => Rgba;
  /** Changes whenever any colour changes; the colours' update trigger. */
  colorKey: string;
}

/**
 * Grid cells for the console: like the wall's, but pickable (click → details) and coloured by a
 * function, so the same layer draws risk or a choropleth. `data` is the (filtered) static outlines.
 */
export function createConsoleCellLayer(shapes: readonly CellShape[], opts: ConsoleCellLayerOptions): PolygonLayer<CellShape> {
  const { project, crs, fillOf, lineOf, colorKey, visible = true } = opts;
  return new PolygonLayer<CellShape>({
    id: 'console-cells',
    data: shapes,
    visible,
    filled: true,
    stroked: true,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 70],
    getPolygon: (s) => s.polygon.map(project),
    getFillColor: (s) => fillOf(s.id),
    getLineColor: (s) => lineOf(s.id),
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    updateTriggers: { getPolygon: crs, getFillColor: colorKey, getLineColor: colorKey },
  });
}
