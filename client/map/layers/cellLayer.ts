import { PolygonLayer } from '@deck.gl/layers';
import type { Cell } from '../../../shared/entities.js';
import { RISK_COLORS } from '../../../shared/risk.js';
import { withAlpha, type DisplayOptions } from './display.js';

/** Options of `createCellLayer`. */
export interface CellLayerOptions extends DisplayOptions {
  /** Fill alpha (0–255); translucent so the basemap and heatmap show through. @default 70 */
  fillAlpha?: number;
}

/** Grid cells (网格) coloured by risk level, translucent fill with a thin outline. */
export function createCellLayer(cells: readonly Cell[], opts: CellLayerOptions): PolygonLayer<Cell> {
  const { project, crs, visible = true, fillAlpha = 70 } = opts;
  return new PolygonLayer<Cell>({
    id: 'cells',
    data: cells,
    visible,
    filled: true,
    stroked: true,
    pickable: false,
    getPolygon: (c) => c.polygon.map(project),
    getFillColor: (c) => withAlpha(RISK_COLORS[c.risk], fillAlpha),
    getLineColor: (c) => withAlpha(RISK_COLORS[c.risk], 200),
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    updateTriggers: { getPolygon: crs, getFillColor: fillAlpha },
  });
}
