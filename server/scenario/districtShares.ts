import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv.js';

/** One row of the 2020-03-12 bulletin: a district, a functional zone or 外地. */
export interface SnapshotRow {
  name: string;
  adcode: string;
  confirmed: number;
}

export function readDistrictSnapshot(dataDir: string): SnapshotRow[] {
  const file = path.join(dataDir, 'sources', 'wuhan-district-snapshot', 'wuhan_district_cumulative_2020-03-12.csv');
  return parseCsv(readFileSync(file, 'utf8')).map((r) => ({
    name: r.district ?? '',
    adcode: r.adcode ?? '',
    confirmed: Number(r.cumulative_confirmed),
  }));
}

/**
 * Where the bulletin's functional zones go, since the grid only knows the 13 NBS districts:
 * - 东湖开发区 (East Lake High-Tech Zone) was carved mostly out of 洪山区 (关山, 花山, 佛祖岭 …) and partly out of
 *   江夏区 (豹澥, 流芳, 滨湖): 60 % / 40 %.
 * - 东湖风景区 (East Lake scenic area) lies between 武昌区 and 洪山区: half each.
 * - 武汉开发区(汉南) is the Wuhan Economic Development Zone, which runs 汉南区 and the 沌口 area on
 *   蔡甸区's former territory (most of its residents): 汉南区 40 % / 蔡甸区 60 %.
 * - 外地 (non-residents) is spread over all 13 districts in proportion to their own cases.
 */
const ZONES: Record<string, [string, number][]> = {
  东湖开发区: [['420111', 0.6], ['420115', 0.4]],
  东湖风景区: [['420106', 0.5], ['420111', 0.5]],
  '武汉开发区(汉南)': [['420113', 0.4], ['420114', 0.6]],
};
const NON_RESIDENT = '外地';

/** Cumulative confirmed per district code on 2020-03-12, functional zones mapped; sums to the bulletin total. */
export function districtTargets(rows: SnapshotRow[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (code: string, n: number): void => void out.set(code, (out.get(code) ?? 0) + n);
  for (const r of rows) if (/^4201\d\d$/.test(r.adcode) && !ZONES[r.name]) add(r.adcode, r.confirmed);
  for (const r of rows) {
    const split = ZONES[r.name];
    if (!split) continue;
    const parts = largestRemainder(r.confirmed, split.map(([, share]) => share));
    split.forEach(([code], i) => add(code, parts[i] ?? 0));
  }
  const outsiders = rows.find((r) => r.name === NON_RESIDENT)?.confirmed ?? 0;
  const codes = [...out.keys()].sort();
  const parts = largestRemainder(outsiders, codes.map((c) => out.get(c) ?? 0));
  codes.forEach((c, i) => add(c, parts[i] ?? 0));
  return new Map(codes.map((c) => [c, out.get(c) ?? 0]));
}

/** Splits `total` into integers proportional to `weights` (Hamilton's method); the parts sum to `total`. */
export function largestRemainder(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map(Math.floor);
  const left = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < left; k++) {
    const i = (order[k % order.length] as { i: number }).i;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}
