import { expect, test } from 'vitest';
import { cellHistory, checkpointHistory, distanceM, teamHistory, type EntityEvent } from './history.js';

let seq = 0;
function createEvent(type: string, deviceTime: number, data: Record<string, unknown>): EntityEvent {
  seq++;
  return { seq, type, actor: 'device:test', deviceTime, serverTime: deviceTime + 100, data, late: false, outOfOrder: false };
}

test('carries counts a cell report leaves out', () => {
  // Newest first, as the API sends them.
  const points = cellHistory([createEvent('cell:report', 2000, { counts: { suspected: 4 } }), createEvent('cell:report', 1000, { counts: { confirmed: 3, active: 2 } })]);
  expect(points).toEqual([
    { t: 1000, confirmed: 3, active: 2, suspected: 0, feverToday: 0 },
    { t: 2000, confirmed: 3, active: 2, suspected: 4, feverToday: 0 },
  ]);
});

test('places a late report at the time it was made', () => {
  const late = { ...createEvent('checkpoint:tally', 500, { inboundPersons: 1 }), seq: 99, late: true };
  const points = checkpointHistory([late, createEvent('checkpoint:tally', 1000, { inboundPersons: 7, outboundPersons: 2, refused: 1 })]);
  expect(points.map((p) => p.t)).toEqual([500, 1000]);
  expect(points[1]).toEqual({ t: 1000, inbound: 7, outbound: 2, refused: 1 });
});

test('adds up the distance between a team’s fixes', () => {
  const points = teamHistory([createEvent('position:report', 2000, { position: [114.01, 30] }), createEvent('position:report', 1000, { position: [114, 30] }), createEvent('team:setStatus', 1500, {})]);
  expect(points).toHaveLength(2);
  expect(points[1]?.distanceKm).toBeCloseTo(0.96, 1);
  expect(distanceM([0, 0], [0, 1])).toBeCloseTo(111_195, -2);
});
