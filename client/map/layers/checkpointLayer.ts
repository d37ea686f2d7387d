import { ScatterplotLayer } from '@deck.gl/layers';
import type { Checkpoint } from '../../../shared/entities.js';
import { CHECKPOINT_COLORS } from './colors.js';
import { withAlpha, type DisplayOptions } from './display.js';

/** Options of `createCheckpointLayer`. */
export interface CheckpointLayerOptions extends DisplayOptions {
  /** @default 4.5 */
  radiusPixels?: number;
}

/** Checkpoints (卡口) coloured by status, with a dark ring so they read apart from teams (white ring). */
export function createCheckpointLayer(checkpoints: readonly Checkpoint[], opts: CheckpointLayerOptions): ScatterplotLayer<Checkpoint> {
  const { project, crs, visible = true, radiusPixels = 4.5 } = opts;
  return new ScatterplotLayer<Checkpoint>({
    id: 'checkpoints',
    data: checkpoints,
    visible,
    pickable: false,
    radiusUnits: 'pixels',
    getRadius: radiusPixels,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    getLineColor: [10, 14, 22, 255],
    getPosition: (c) => project(c.position),
    getFillColor: (c) => withAlpha(CHECKPOINT_COLORS[c.status], 255),
    updateTriggers: { getPosition: crs, getRadius: radiusPixels },
  });
}
