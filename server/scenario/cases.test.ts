import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CellCounts } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { type CaseCell, cellTargetsOn, createCaseModel } from './cases.js';
import { buildCurve, curveAt, readWuhanDaily } from './curve.js';
import { districtTargets, largestRemainder, readDistrictSnapshot } from './districtShares.js';
import { buildScenario } from './buildScenario.js';

const dataDir = path.resolve(import.meta.dirname, '../../data');
const curve = buildCurve(readWuhanDaily(dataDir));
const targets = districtTargets(readDistrictSnapshot(dataDir));
// The real grid, built once (~1 s): allocation must work on the cells the server is seeded with.
const { cells } = buildScenario({ dataDir, seed: 2020, now: Date.UTC(2024, 0, 1) });
const model = createCaseModel({ cells, curve, districts: targets, seed: 2020 });

function sum(counts: CellCounts[], key: keyof CellCounts): number {
  return counts.reduce((s, c) => s + c[key], 0);
}

describe('districtTargets', () => {
  test('maps the functional zones and 外地 onto the 13 districts without losing a case', () => {
    expect(targets.size).toBe(13);
    expect([...targets.values()].reduce((a, b) => a + b, 0)).toBe(49991);
    // 硚口区 has no zone share, so it only gains its part of the 226 non-residents.
    expect(targets.get('420104')).toBeGreaterThan(6833);
    expect(targets.get('420104')).toBeLessThan(6833 + 226 * 0.2);
  });
});

test('largestRemainder sums exactly and follows the weights', () => {
  expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
  expect(largestRemainder(2146, [0.6, 0.4])).toEqual([1288, 858]);
});

describe('cellTargetsOn', () => {
  test('city totals equal the curve on every sampled date', () => {
    for (const date of ['2020-01-20', '2020-02-12', '2020-03-01', '2020-04-16', '2020-04-29']) {
      const counts = cellTargetsOn(model, date);
      const day = curveAt(curve, date);
      expect([sum(counts, 'confirmed'), sum(counts, 'cured'), sum(counts, 'deaths')]).toEqual([day.confirmed, day.cured, day.deaths]);
    }
  });

  test('district totals on 2020-03-12 equal the bulletin snapshot (zones mapped)', () => {
    const counts = cellTargetsOn(model, '2020-03-12');
    const byDistrict = new Map<string, number>();
    cells.forEach((c, i) => byDistrict.set(c.districtCode, (byDistrict.get(c.districtCode) ?? 0) + (counts[i] as CellCounts).confirmed));
    expect(byDistrict).toEqual(targets);
  });

  test('cumulative counts never fall in any cell, and active = confirmed − cured − deaths ≥ 0', () => {
    let prev = cellTargetsOn(model, curve[0]!.date);
    for (const day of curve.slice(1)) {
      const next = cellTargetsOn(model, day.date);
      next.forEach((c, i) => {
        const p = prev[i] as CellCounts;
        if (c.confirmed < p.confirmed || c.cured < p.cured || c.deaths < p.deaths) throw new Error(`cell ${i} fell on ${day.date}`);
        if (c.active !== c.confirmed - c.cured - c.deaths || c.active < 0) throw new Error(`cell ${i} active wrong on ${day.date}`);
      });
      prev = next;
    }
  });

  test('every count is valid for the shared schema and quarantine follows new cases', () => {
    const peak = cellTargetsOn(model, '2020-02-10');
    const calm = cellTargetsOn(model, '2020-04-25');
    for (const c of peak) expect(CellCounts.safeParse(c).success).toBe(true);
    expect(sum(peak, 'closeContacts')).toBeGreaterThan(10 * sum(calm, 'closeContacts'));
    expect(sum(peak, 'suspected')).toBeGreaterThan(0);
    expect(sum(calm, 'suspected')).toBe(0);
  });

  test('is pure: the same date gives the same counts', () => {
    expect(cellTargetsOn(model, '2020-02-20')).toEqual(cellTargetsOn(model, '2020-02-20'));
  });

  test('refuses a district with cases but no cells', () => {
    const one: CaseCell = { id: 'a1234567', districtCode: '420102', population: 2000, polygon: [[114.3, 30.6] as LngLat] };
    expect(() => createCaseModel({ cells: [one], curve, districts: new Map([['420102', 1], ['420103', 1]]), seed: 1 })).toThrow(/420103/);
  });
});
