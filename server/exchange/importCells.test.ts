import { describe, expect, test } from 'vitest';
import { createCell, T0 } from '../testing/fixtures.js';
import { importCells } from './importCells.js';
import { entitiesGeoJson } from './entities.js';

const square = [[[114.3, 30.58], [114.301, 30.58], [114.301, 30.581], [114.3, 30.581], [114.3, 30.58]]];
const feature = (properties: object, geometry: object | null = { type: 'Polygon', coordinates: square }) => ({ type: 'Feature', geometry, properties });
const official = {
  网格编号: 'WC-001',
  district_code: 420106,
  区: '武昌区',
  STREET_CODE: '420106001',
  街道: '积玉桥街道',
  communityCode: '420106001001',
  社区: '和平社区',
  人口: '2400',
  households: 920,
  网格员: '李娟',
};
const none = () => undefined;

describe('importCells', () => {
  test('reads an official grid feature through property aliases into a fresh cell', () => {
    const { cells, rejected } = importCells([feature(official)], { existing: none, now: T0 });
    expect(rejected).toEqual([]);
    expect(cells).toEqual([
      createCell({ id: 'WC-001', polygon: square[0]!.slice(0, 4) as [number, number][], districtCode: '420106', updatedAt: T0 }),
    ]);
  });

  test('takes the first polygon of a MultiPolygon and the feature id when no property names one', () => {
    const { cells } = importCells([{ ...feature({ ...official, 网格编号: undefined }, { type: 'MultiPolygon', coordinates: [square, square] }), id: 'F-9' }], { existing: none, now: T0 });
    expect(cells.map((c) => [c.id, c.polygon.length])).toEqual([['F-9', 4]]);
  });

  test('keeps the counts and risk of a cell it already knows', () => {
    const known = createCell({ id: 'WC-001', counts: { ...createCell().counts, confirmed: 5, active: 5 }, risk: 'medium' });
    const { cells } = importCells([feature(official)], { existing: () => known, now: T0 });
    expect(cells[0]).toMatchObject({ counts: { confirmed: 5 }, risk: 'medium' });
  });

  test('rejects each bad feature with every reason and keeps the good ones', () => {
    const { cells, rejected } = importCells(
      [
        feature(official),
        feature({ ...official, 网格编号: 'WC-002', district_code: '42', 人口: -1 }),
        feature({ ...official, 网格编号: 'WC-003' }, { type: 'Point', coordinates: [114, 30] }),
        feature(official),
        'junk',
      ],
      { existing: none, now: T0 },
    );
    expect(cells.map((c) => c.id)).toEqual(['WC-001']);
    expect(rejected.map((r) => [r.index, r.id])).toEqual([[1, 'WC-002'], [2, 'WC-003'], [3, 'WC-001'], [4, undefined]]);
    expect(rejected[0]!.reasons.join()).toMatch(/districtCode.*6–12 digits.*population/);
    expect(rejected[1]!.reasons.join()).toMatch(/Polygon or MultiPolygon, not Point/);
    expect(rejected[2]!.reasons.join()).toMatch(/more than once/);
    expect(rejected[3]!.reasons.join()).toMatch(/not a GeoJSON Feature/);
  });

  test('a geometry type that is not text is named by its kind, not turned into text (which can throw)', () => {
    const types = [Object.create(null) as object, { toString: 1 }, 7];
    const { cells, rejected } = importCells(
      types.map((type) => feature(official, { type, coordinates: square })),
      { existing: none, now: T0 },
    );
    expect(cells).toEqual([]);
    expect(rejected.map((r) => r.reasons.find((x) => x.startsWith('geometry')))).toEqual([
      'geometry must be a Polygon or MultiPolygon, not a value of type object',
      'geometry must be a Polygon or MultiPolygon, not a value of type object',
      'geometry must be a Polygon or MultiPolygon, not a value of type number',
    ]);
  });

  test('reads back what the GeoJSON export wrote', () => {
    const original = [createCell({ id: 'a', lastVisitAt: T0 - 5000 }), createCell({ id: 'b', gridWorker: { name: '王强', phone: '027-8888' } })];
    const { cells, rejected } = importCells(entitiesGeoJson('cells', original).features, { existing: none, now: T0 });
    expect(rejected).toEqual([]);
    expect(cells).toEqual(original);
  });
});
