import { expect, test } from 'vitest';
import { createCell, createCheckpoint, createTeam } from '../../state/fixtures.js';
import { activeFilterCount, areaOptions, filterCells, filterCheckpoints, filterTeams, NO_FILTERS, toggle } from './filters.js';

test('returns the same cells record while nothing filters cells', () => {
  const cells = { a: createCell('a') };
  expect(filterCells(cells, { ...NO_FILTERS, teamKinds: [] })).toBe(cells);
});

test('keeps cells of the chosen street and risk only', () => {
  const cells = {
    a: createCell('a', { streetCode: '420106001', risk: 'high' }),
    b: createCell('b', { streetCode: '420106002', risk: 'high' }),
    c: createCell('c', { streetCode: '420106001', risk: 'low' }),
  };
  expect(Object.keys(filterCells(cells, { ...NO_FILTERS, street: '420106001', risks: ['high'] }))).toEqual(['a']);
});

test('filters checkpoints by district and status', () => {
  const list = [createCheckpoint('k1', { status: 'closed' }), createCheckpoint('k2', { status: 'open' }), createCheckpoint('k3', { status: 'closed', districtCode: '420102' })];
  expect(filterCheckpoints(list, { ...NO_FILTERS, district: '420106', checkpointStatuses: ['closed'] }).map((c) => c.id)).toEqual(['k1']);
});

test('filters teams by kind', () => {
  const teams = { a: createTeam('a', { kind: 'medical' }), b: createTeam('b', { kind: 'patrol' }) };
  expect(Object.keys(filterTeams(teams, { ...NO_FILTERS, teamKinds: ['medical'] }))).toEqual(['a']);
});

test('counts active filters and toggles values', () => {
  expect(activeFilterCount(NO_FILTERS)).toBe(0);
  expect(activeFilterCount({ ...NO_FILTERS, district: '420106', risks: toggle(NO_FILTERS.risks, 'low') })).toBe(2);
  expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
});

test('lists districts and streets once each, by code', () => {
  const { districts, streets } = areaOptions([createCell('a'), createCell('b', { streetCode: '420106002', streetName: '杨园街道' }), createCell('c')]);
  expect(districts).toEqual([{ code: '420106', name: '武昌区' }]);
  expect(streets.map((s) => s.name)).toEqual(['积玉桥街道', '杨园街道']);
});
