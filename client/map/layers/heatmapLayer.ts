import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { CellCentroid } from '../geometry.js';
import type { DisplayOptions } from './display.js';

/** Options of `createCaseHeatmapLayer`. */
export interface CaseHeatmapOptions extends DisplayOptions {
  /** @default 28 */
  radiusPixels?: number;
  /** @default 0.75 */
  opacity?: number;
}

/** Warm ramp from transparent yellow to deep red, readable on a dark basemap. */
const COLOR_RANGE: [number, number, number, number][] = [
  [255, 255, 178, 0],
  [254, 217, 118, 90],
  [254, 178, 76, 150],
  [253, 141, 60, 180],
  [240, 59, 32, 210],
  [189, 0, 38, 230],
];

/** Density of active confirmed cases (现有确诊), one weighted point per cell centroid. */
export function createCaseHeatmapLayer(centroids: readonly CellCentroid[], opts: CaseHeatmapOptions): HeatmapLayer<CellCentroid> {
  const { project, crs, visible = true, radiusPixels = 28, opacity = 0.75 } = opts;
  return new HeatmapLayer<CellCentroid>({
    id: 'case-heatmap',
    data: centroids,
    visible,
    pickable: false,
    getPosition: (d) => project(d.position),
    getWeight: (d) => d.active,
    aggregation: 'SUM',
    radiusPixels,
    intensity: 1,
    // A city-wide outbreak would otherwise turn the whole grid one orange haze: fade the low end so
    // the hot spots stand out.
    threshold: 0.15,
    opacity,
    // Aggregation texture; the default 2048² is 16× the pixels for no visible gain at wall distance,
    // and software WebGL pays for every one of them.
    weightsTextureSize: 512,
    colorRange: COLOR_RANGE,
    updateTriggers: { getPosition: crs },
  });
}
