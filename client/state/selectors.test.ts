import { expect, test } from 'vitest';
import { caseTotals, casesByDistrict, checkpointsOpen, curvePoints, teamsOnDuty } from './selectors.js';
import { applySnapshot } from './picture.js';
import { createCell, createCheckpoint, createCounts, createDay, createSnapshot, createTeam } from './fixtures.js';

test('sums case totals over all cells', () => {
  const s = applySnapshot(
    createSnapshot(1, {
      cells: [
        createCell('a', { counts: createCounts({ confirmed: 10, active: 6, cured: 3, deaths: 1 }) }),
        createCell('b', { counts: createCounts({ confirmed: 5, active: 5 }) }),
      ],
    }),
  );
  expect(caseTotals(s.cells)).toEqual({ confirmed: 15, active: 11, cured: 3, deaths: 1 });
});

test('counts open and restricted checkpoints as open', () => {
  const statuses = ['open', 'restricted', 'closed', 'lifted'] as const;
  const s = applySnapshot(createSnapshot(1, { checkpoints: statuses.map((status, i) => createCheckpoint(`k${i}`, { status })) }));
  expect(checkpointsOpen(s.checkpoints)).toBe(2);
});

test('counts every team not off duty as on duty', () => {
  const statuses = ['on_duty', 'en_route', 'working', 'resting', 'off_duty'] as const;
  const s = applySnapshot(createSnapshot(1, { teams: statuses.map((status, i) => createTeam(`t${i}`, { status })) }));
  expect(teamsOnDuty(s.teams)).toBe(4);
});

test('sums cases per district, most confirmed first', () => {
  const s = applySnapshot(
    createSnapshot(1, {
      cells: [
        createCell('a', { counts: createCounts({ confirmed: 3 }) }),
        createCell('b', { districtCode: '420104', districtName: '硚口区', counts: createCounts({ confirmed: 9, active: 2 }) }),
        createCell('c', { counts: createCounts({ confirmed: 4 }) }),
      ],
    }),
  );
  expect(casesByDistrict(s.cells).map((d) => [d.districtName, d.confirmed])).toEqual([
    ['硚口区', 9],
    ['武昌区', 7],
  ]);
});

test('orders curve points by date and cuts them at the scenario day', () => {
  const s = applySnapshot(createSnapshot(1, { days: [createDay('2020-03-12', 3), createDay('2020-01-31', 1), createDay('2020-02-15', 2)] }));
  expect(curvePoints(s.days).map((d) => d.date)).toEqual(['2020-01-31', '2020-02-15', '2020-03-12']);
  expect(curvePoints(s.days, '2020-02-15').map((d) => d.date)).toEqual(['2020-01-31', '2020-02-15']);
});
