import { expect, test } from 'vitest';
import { createCell, createCounts } from '../../state/fixtures.js';
import { createAreaIndexCache } from './areaIndex.js';

test('keeps the index while only counts change, rebuilds when cells are added', () => {
  const index = createAreaIndexCache();
  const first = index({ a: createCell('a') });
  expect(first.districts).toHaveLength(1);
  expect(index({ a: createCell('a', { counts: createCounts({ confirmed: 9 }) }) })).toBe(first);
  const grown = index({ a: createCell('a'), b: createCell('b', { districtCode: '420102', districtName: '江岸区' }) });
  expect(grown.districts.map((d) => d.name)).toEqual(['江岸区', '武昌区']);
});
