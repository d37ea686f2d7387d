import { PolygonLayer } from '@deck.gl/layers';
import type { RiskLevel } from '../../../shared/entities.js';
import { RISK_COLORS } from '../../../shared/risk.js';
import type { CellShape } from '../cellShapes.js';
import { withAlpha, type DisplayOptions } from './display.js';

/** Options of `createCellLayer`. */
export interface CellLayerOptions extends DisplayOptions {
  /** Current risk of a cell by id. */
  riskOf: (id: string) => RiskLevel;
  /** Changes whenever any risk changes (see `riskKey`); the colours' update trigger. */
  riskKey: string;
  /** Fill alpha (0–255); translucent so the basemap and heatmap show through. @default 70 */
  fillAlpha?: number;
}

/**
 * Grid cells (网格) coloured by risk level, translucent fill with a thin outline. `data` is the
 * static outlines; risk comes through `riskOf` so a risk change recolours without re-tessellating.
 */
export function createCellLayer(shapes: readonly CellShape[], opts: CellLayerOptions): PolygonLayer<CellShape> {
  const { project, crs, riskOf, riskKey, visible = true, fillAlpha = 70 } = opts;
  return new PolygonLayer<CellShape>({
    id: 'cells',
    data: shapes,
    visible,
    filled: true,
    stroked: true,
    pickable: false,
    getPolygon: (s) => s.polygon.map(project),
    getFillColor: (s) => withAlpha(RISK_COLORS[riskOf(s.id)], fillAlpha),
    getLineColor: (s) => withAlpha(RISK_COLORS[riskOf(s.id)], 200),
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    updateTriggers: { getPolygon: crs, getFillColor: [riskKey, fillAlpha], getLineColor: riskKey },
  });
}
