// The environment is checked before anything starts: a bad value names its variable.
import { expect, test } from 'vitest';
import { loadConfig } from './config.js';
import { DEFAULT_HEAP_GROWING_PERCENT } from './heap.js';

test('HEAP_GROWING_PERCENT defaults to the tuned value, and 0 (V8 chooses) is a value', () => {
  expect(loadConfig({}, '/srv/gc').heapGrowingPercent).toBe(DEFAULT_HEAP_GROWING_PERCENT);
  expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }, '/srv/gc').heapGrowingPercent).toBe(0);
  expect(loadConfig({ HEAP_GROWING_PERCENT: '120' }, '/srv/gc').heapGrowingPercent).toBe(120);
});

test.each(['lots', '-1', '1001', '1.5'])('HEAP_GROWING_PERCENT=%s is refused, naming the variable', (value) => {
  expect(() => loadConfig({ HEAP_GROWING_PERCENT: value }, '/srv/gc')).toThrow(/Invalid configuration:\n {2}HEAP_GROWING_PERCENT: /);
});

test('every bad variable is named in one error', () => {
  expect(() => loadConfig({ HEAP_GROWING_PERCENT: 'x', TICK_MS: '1' }, '/srv/gc')).toThrow(/HEAP_GROWING_PERCENT[\s\S]*TICK_MS|TICK_MS[\s\S]*HEAP_GROWING_PERCENT/);
});
