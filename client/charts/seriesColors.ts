import type { CaseTotals } from '../state/selectors.js';

/** Line colours of the case series, shared by the curve and its legend. */
export const SERIES_COLORS: Record<keyof CaseTotals, string> = {
  confirmed: '#ff6b5b',
  active: '#ffb020',
  cured: '#3ccf7a',
  deaths: '#a0a8b8',
};

export const SERIES: readonly (keyof CaseTotals)[] = ['confirmed', 'active', 'cured', 'deaths'];

/** Axis ticks in the wall's palette; sizes come from CSS (`.chart text`) so they scale with the viewport. */
export const AXIS_TICK = { fill: '#9fb0c8' } as const;
export const GRID_STROKE = '#22304a';
