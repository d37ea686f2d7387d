import type { LngLat } from '../../../shared/geo.js';
import type { BasemapCrs } from '../datum.js';

/** Moves a WGS-84 position onto the basemap's datum (see `displayProjector`). */
export type Project = (p: LngLat) => LngLat;

/** What every layer factory needs to place data on the basemap. */
export interface DisplayOptions {
  /** From `displayProjector(crs)`. */
  project: Project;
  /** The basemap datum; the `updateTriggers` key for positions, since `project` is derived from it. */
  crs: BasemapCrs;
  /** @default true */
  visible?: boolean;
}

/** RGBA colour as deck.gl takes it. */
export type Rgba = [number, number, number, number];

export function withAlpha(rgb: readonly [number, number, number], alpha: number): Rgba {
  return [rgb[0], rgb[1], rgb[2], alpha];
}
