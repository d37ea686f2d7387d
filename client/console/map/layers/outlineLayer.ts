import { LineLayer } from '@deck.gl/layers';
import type { DisplayOptions } from '../../../map/layers/display.js';
import type { OutlineEdge } from '../../model/outlines.js';

/** Options of `createOutlineLayer`. */
export interface OutlineLayerOptions extends DisplayOptions {
  /** `district` draws thick light lines, `street` thin ones. */
  level: 'district' | 'street';
}

/** District or street outlines derived from the cells (see `areaOutlines`): there are no official ones. */
export function createOutlineLayer(edges: readonly OutlineEdge[], opts: OutlineLayerOptions): LineLayer<OutlineEdge> {
  const { project, crs, level, visible = true } = opts;
  const district = level === 'district';
  return new LineLayer<OutlineEdge>({
    id: `outlines-${level}`,
    data: edges,
    visible,
    pickable: false,
    widthUnits: 'pixels',
    getWidth: district ? 2.5 : 1,
    getColor: district ? [236, 242, 250, 230] : [200, 214, 235, 140],
    getSourcePosition: (e) => project(e.from),
    getTargetPosition: (e) => project(e.to),
    updateTriggers: { getSourcePosition: crs, getTargetPosition: crs },
  });
}
