import { expect, test } from 'vitest';
import { PositionReport } from '../../../shared/commands.js';
import { toPositionReport } from './toReport.js';

const T0 = Date.UTC(2020, 1, 12, 6);

test('a fix becomes a valid report stamped with the fix time', () => {
  const report = toPositionReport({ timestamp: T0 + 0.4, coords: { longitude: 114.3, latitude: 30.6, accuracy: 8, speed: 3.2, heading: 90 } }, 't1', 'abcdefgh', 76);
  expect(report).toEqual({ reportId: 'abcdefgh', recordedAt: T0, teamId: 't1', position: [114.3, 30.6], accuracyM: 8, speedMps: 3.2, headingDeg: 90, batteryPct: 76 });
  expect(PositionReport.safeParse(report).success).toBe(true);
});

test('leaves out what the device does not know (null speed, NaN heading, no battery)', () => {
  const report = toPositionReport({ timestamp: T0, coords: { longitude: 114.3, latitude: 30.6, accuracy: 20, speed: null, heading: Number.NaN } }, 't1', 'abcdefgh');
  expect(Object.keys(report).sort()).toEqual(['accuracyM', 'position', 'recordedAt', 'reportId', 'teamId']);
});
