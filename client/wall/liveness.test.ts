import { expect, test } from 'vitest';
import { liveness } from './liveness.js';

const NOW = 1_000_000;

test('is live when connected and a message came within 5 s', () => {
  expect(liveness('connected', NOW - 4_900, NOW)).toEqual({ kind: 'live' });
});

test('warns with the age once data is older than 5 s, though still connected', () => {
  expect(liveness('connected', NOW - 12_400, NOW)).toEqual({ kind: 'stale', level: 'warn', ageS: 12 });
});

test('raises an alarm when data is older than 30 s', () => {
  expect(liveness('connected', NOW - 45_000, NOW)).toEqual({ kind: 'stale', level: 'alarm', ageS: 45 });
});

test('raises an alarm while reconnecting, keeping the age of what is shown', () => {
  expect(liveness('reconnecting', NOW - 2_000, NOW)).toEqual({ kind: 'reconnecting', level: 'alarm', ageS: 2 });
  expect(liveness('offline', null, NOW)).toEqual({ kind: 'offline', level: 'alarm', ageS: null });
});

test('says connecting, not live, before the first snapshot', () => {
  expect(liveness('connecting', null, NOW)).toEqual({ kind: 'connecting', level: 'warn' });
  expect(liveness('connected', null, NOW)).toEqual({ kind: 'connecting', level: 'warn' });
});

test('never calls a picture live once the server has refused the session', () => {
  expect(liveness('signedOut', NOW - 1_000, NOW)).toEqual({ kind: 'offline', level: 'alarm', ageS: 1 });
});
