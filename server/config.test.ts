// The environment is checked before anything starts: a bad value names its variable.
import { expect, test } from 'vitest';
import { loadConfig } from './config.js';
import { DEFAULT_HEAP_GROWING_PERCENT } from './heap.js';

test("HEAP_GROWING_PERCENT defaults to 100 (the heap grows to 2 × what survived), takes a percent, and 0 for V8's own choice", () => {
  expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(100);
  expect(loadConfig({}, '/srv/gc').heapGrowingPercent).toBe(100);
  expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }, '/srv/gc').heapGrowingPercent).toBe(0);
  expect(loadConfig({ HEAP_GROWING_PERCENT: '50' }, '/srv/gc').heapGrowingPercent).toBe(50);
  expect(loadConfig({ HEAP_GROWING_PERCENT: '120' }, '/srv/gc').heapGrowingPercent).toBe(120);
});

test.each(['lots', '-1', '1001', '1.5'])('HEAP_GROWING_PERCENT=%s is refused, naming the variable', (value) => {
  expect(() => loadConfig({ HEAP_GROWING_PERCENT: value }, '/srv/gc')).toThrow(/Invalid configuration:\n {2}HEAP_GROWING_PERCENT: /);
});

test('every bad variable is named in one error', () => {
  expect(() => loadConfig({ HEAP_GROWING_PERCENT: 'x', TICK_MS: '1' }, '/srv/gc')).toThrow(/HEAP_GROWING_PERCENT[\s\S]*TICK_MS|TICK_MS[\s\S]*HEAP_GROWING_PERCENT/);
});

test('SLOW_COMMIT_MS defaults to 250 ms, takes 0 for never, and refuses what is not a whole number of ms', () => {
  expect(loadConfig({}, '/srv/gc').slowCommitMs).toBe(250);
  expect(loadConfig({ SLOW_COMMIT_MS: '0' }, '/srv/gc').slowCommitMs).toBe(0);
  expect(loadConfig({ SLOW_COMMIT_MS: '1000' }, '/srv/gc').slowCommitMs).toBe(1000);
  for (const bad of ['soon', '-5', '2.5']) expect(() => loadConfig({ SLOW_COMMIT_MS: bad }, '/srv/gc')).toThrow(/Invalid configuration:\n {2}SLOW_COMMIT_MS: /);
});
