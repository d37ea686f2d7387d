// Shared helpers for layer factory tests.
import type { LngLat } from '../../../shared/geo.js';
import { displayProjector } from '../datum.js';
import type { DisplayOptions } from './display.js';

/** A projector that shifts by a visible amount, to prove positions go through it. */
export function createShiftedDisplay(): DisplayOptions {
  return { crs: 'gcj02', project: ([x, y]: LngLat): LngLat => [x + 1, y + 2] };
}

export function createWgsDisplay(): DisplayOptions {
  return { crs: 'wgs84', project: displayProjector('wgs84') };
}

/** Calls a deck.gl accessor prop the way deck.gl would. */
export function callAccessor<T>(accessor: unknown, d: T): unknown {
  if (typeof accessor !== 'function') return accessor;
  return (accessor as (d: T, info: unknown) => unknown)(d, { index: 0, data: [], target: [] });
}
