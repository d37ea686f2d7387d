import { expect, test } from 'vitest';
import { intervalFor, RATE, shouldReport, speedOf, type Fix } from './rate.js';

const T0 = Date.UTC(2020, 1, 12, 6);
const at = (s: number, lng = 114.3, speedMps: number | null = null): Fix => ({ at: T0 + s * 1000, position: [lng, 30.6], speedMps });

test('reports every 2 s when fast, 20 s when slow and 180 s when stationary', () => {
  expect(intervalFor(12)).toBe(RATE.fastIntervalMs);
  expect(intervalFor(1.4)).toBe(RATE.slowIntervalMs);
  expect(intervalFor(0)).toBe(RATE.stationaryIntervalMs);
});

test('the first fix is always reported', () => {
  expect(shouldReport(at(0), null)).toBe(true);
});

test('a stationary team is reported again only after three minutes', () => {
  expect(shouldReport(at(60, 114.3, 0), at(0))).toBe(false);
  expect(shouldReport(at(180, 114.3, 0), at(0))).toBe(true);
});

test('a fast team is reported after 2 s', () => {
  expect(shouldReport(at(1, 114.3001, 10), at(0))).toBe(false);
  expect(shouldReport(at(2, 114.3002, 10), at(0))).toBe(true);
});

test('derives the speed from the last fix when the GPS gives none', () => {
  // 0.001° of longitude at 30.6°N is about 96 m; in 10 s that is ~9.6 m/s.
  expect(speedOf(at(10, 114.301), at(0))).toBeGreaterThan(9);
  expect(speedOf(at(10), at(0))).toBe(0);
});

test('a jump of more than 100 m is reported at once', () => {
  expect(shouldReport(at(1, 114.302, 0), at(0))).toBe(true);
});
