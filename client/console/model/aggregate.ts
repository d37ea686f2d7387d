import type { Cell } from '../../../shared/entities.js';

/** Level at which the choropleth sums cells: district (区), street (街道) or each grid cell (网格). */
export type AreaLevel = 'district' | 'street' | 'grid';
export const AREA_LEVELS: readonly AreaLevel[] = ['district', 'street', 'grid'];

/** Numeric fields of a cell a choropleth can show. */
export const NUMERIC_FIELDS = ['confirmed', 'active', 'suspected', 'feverToday', 'closeContacts', 'homeQuarantine', 'cured', 'deaths', 'population', 'households'] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];

export function cellValue(cell: Cell, field: NumericField): number {
  return field === 'population' || field === 'households' ? cell[field] : cell.counts[field];
}

export function areaKeyOf(cell: Cell, level: AreaLevel): string {
  return level === 'district' ? cell.districtCode : level === 'street' ? cell.streetCode : cell.id;
}

/** One area's total of a field. */
export interface AreaValue {
  key: string;
  name: string;
  value: number;
  cells: number;
}

function areaName(cell: Cell, level: AreaLevel): string {
  if (level === 'district') return cell.districtName;
  if (level === 'street') return `${cell.districtName} ${cell.streetName}`;
  return `${cell.streetName} ${cell.communityName}`;
}

/** Sums `field` per area, largest first (ties by key, so the order is stable). */
export function aggregateAreas(cells: Iterable<Cell>, level: AreaLevel, field: NumericField): AreaValue[] {
  const byKey = new Map<string, AreaValue>();
  for (const c of cells) {
    const key = areaKeyOf(c, level);
    let a = byKey.get(key);
    if (!a) byKey.set(key, (a = { key, name: areaName(c, level), value: 0, cells: 0 }));
    a.value += cellValue(c, field);
    a.cells++;
  }
  return [...byKey.values()].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
}

/** Sequential ramp, light yellow to deep red-purple (ColorBrewer YlOrRd, 6 classes), readable on dark. */
export const CHOROPLETH_COLORS: readonly [number, number, number][] = [
  [255, 237, 160],
  [254, 196, 79],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
  [128, 0, 88],
];

/**
 * Class breaks: quantiles of the non-zero values, so a few huge areas do not wash everything else
 * into one colour. `breaks[i]` is the lowest value of class i+1; zero is its own (uncoloured) class.
 */
export function quantileBreaks(values: readonly number[], classes = CHOROPLETH_COLORS.length): number[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const v = sorted[Math.floor((i * sorted.length) / classes)] as number;
    if (breaks.length === 0 || v > (breaks[breaks.length - 1] as number)) breaks.push(v);
  }
  return breaks;
}

/** Class of a value: -1 for zero (no colour), else 0 … breaks.length. */
export function classOf(value: number, breaks: readonly number[]): number {
  if (value <= 0) return -1;
  let i = 0;
  while (i < breaks.length && value >= (breaks[i] as number)) i++;
  return i;
}

/** Per-cell class of its area's value, and the breaks, for colouring the grid. */
export interface Choropleth {
  classOf: Record<string, number>;
  breaks: number[];
  /** Changes whenever any class changes; the colour update trigger. */
  key: string;
  max: number;
}

export function choropleth(cells: Record<string, Cell>, level: AreaLevel, field: NumericField): Choropleth {
  const list = Object.values(cells);
  const areas = aggregateAreas(list, level, field);
  const valueOf = new Map(areas.map((a) => [a.key, a.value]));
  const breaks = quantileBreaks(areas.map((a) => a.value));
  const classes: Record<string, number> = {};
  let key = '';
  for (const c of list) {
    const k = classOf(valueOf.get(areaKeyOf(c, level)) ?? 0, breaks);
    classes[c.id] = k;
    key += String.fromCharCode(66 + k);
  }
  return { classOf: classes, breaks, key: `${level}:${field}:${key}`, max: areas[0]?.value ?? 0 };
}
