import { expect, test } from 'vitest';
import { createCell, createCounts } from '../../state/fixtures.js';
import { aggregateAreas, choropleth, classOf, quantileBreaks } from './aggregate.js';

function createCells() {
  return {
    a: createCell('a', { counts: createCounts({ confirmed: 3 }) }),
    b: createCell('b', { counts: createCounts({ confirmed: 4 }), streetCode: '420106002', streetName: '杨园街道' }),
    c: createCell('c', { counts: createCounts({ confirmed: 10 }), districtCode: '420102', districtName: '江岸区', streetCode: '420102001' }),
  };
}

test('sums a field per district, largest first', () => {
  expect(aggregateAreas(Object.values(createCells()), 'district', 'confirmed').map((a) => [a.name, a.value, a.cells])).toEqual([
    ['江岸区', 10, 1],
    ['武昌区', 7, 2],
  ]);
});

test('sums population per street', () => {
  expect(aggregateAreas(Object.values(createCells()), 'street', 'population').map((a) => a.key)).toEqual(['420102001', '420106001', '420106002']);
});

test('breaks classes at quantiles of the non-zero values', () => {
  expect(quantileBreaks([0, 1, 2, 3, 4], 2)).toEqual([3]);
  expect(quantileBreaks([0, 0])).toEqual([]);
  expect(classOf(0, [3])).toBe(-1);
  expect(classOf(2, [3])).toBe(0);
  expect(classOf(3, [3])).toBe(1);
});

test('gives every cell the class of its area and a key that changes with it', () => {
  const cells = createCells();
  const byDistrict = choropleth(cells, 'district', 'confirmed');
  expect(byDistrict.classOf.a).toBe(byDistrict.classOf.b);
  expect(byDistrict.max).toBe(10);
  const byGrid = choropleth(cells, 'grid', 'confirmed');
  expect(byGrid.key).not.toBe(byDistrict.key);
});
