import { expect, test } from 'vitest';
import { createCell, createCheckpoint, createIncident, createTeam } from '../../state/fixtures.js';
import { areaItems, incidentItems, pointItems, search } from './search.js';

function createItems() {
  const cells = [
    createCell('a', { at: [114.3, 30.5] }),
    createCell('b', { at: [114.4, 30.6], communityCode: '420106001002', communityName: '积玉桥社区' }),
  ];
  const points = pointItems([createCheckpoint('CP-007', { name: '积玉桥卡口' })], [createTeam('T-06-pat-01', { name: '武昌区巡逻一队' })], () => '武昌区');
  return [...areaItems(cells), ...points];
}

test('finds a team by part of its name', () => {
  expect(search(createItems(), '巡逻一队').map((i) => i.id)).toEqual(['T-06-pat-01']);
});

test('finds a checkpoint by its code, case-insensitive', () => {
  expect(search(createItems(), 'cp-00').map((i) => i.id)).toEqual(['CP-007']);
});

test('puts prefix matches before substring matches', () => {
  expect(search(createItems(), '积玉桥').map((i) => i.kind)).toEqual(['checkpoint', 'community', 'street']);
});

test('gives an area the bounds of all its cells', () => {
  const street = areaItems([createCell('a', { at: [114.3, 30.5] }), createCell('b', { at: [114.4, 30.6] })]).find((i) => i.kind === 'street');
  expect(street?.bounds?.[0][0]).toBeCloseTo(114.295);
  expect(street?.bounds?.[1][1]).toBeCloseTo(30.605);
});

test('answers nothing for a blank query', () => {
  expect(search(createItems(), '  ')).toEqual([]);
});

test('finds an incident by the words of its note, after places and teams', () => {
  const incidents = incidentItems([createIncident('I-1', { note: '积玉桥卡口  有人\n冲岗' }), createIncident('I-2', { note: '' })], (k) => `kind:${k}`);
  const items = [...createItems(), ...incidents];
  expect(search(items, '冲岗').map((i) => i.id)).toEqual(['I-1']);
  expect(search(items, '积玉桥').at(-1)?.id).toBe('I-1');
  expect(incidents.map((i) => i.name)).toEqual(['积玉桥卡口 有人 冲岗', 'kind:other']);
});
