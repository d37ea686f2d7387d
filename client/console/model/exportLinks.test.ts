import { expect, test } from 'vitest';
import { eventsCsvHref, exportHref, parseShanghaiLocal, toShanghaiLocal } from './exportLinks.js';

test('exports the live picture without a seq and a replayed one at its seq', () => {
  expect(exportHref('cells', 'geojson', null)).toBe('/api/v1/export/cells.geojson');
  expect(exportHref('checkpoints', 'csv', 1200)).toBe('/api/v1/export/checkpoints.csv?seq=1200');
});

test('asks for events between two server times as CSV', () => {
  expect(eventsCsvHref(1000.4, 2000.2)).toBe('/api/v1/events?format=csv&from=1000&to=2001');
});

test('reads and writes datetime-local values in Asia/Shanghai', () => {
  const t = Date.UTC(2020, 1, 10, 6, 0); // 2020-02-10 14:00 in Shanghai
  expect(toShanghaiLocal(t)).toBe('2020-02-10T14:00');
  expect(parseShanghaiLocal('2020-02-10T14:00')).toBe(t);
  expect(parseShanghaiLocal('')).toBeNull();
});
