import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { throttle } from './throttle.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('runs the first call at once and folds a burst into one trailing call', () => {
  const fn = vi.fn();
  const t = throttle(fn, 250);
  t();
  expect(fn).toHaveBeenCalledTimes(1);
  for (let i = 0; i < 10; i++) t();
  expect(fn).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(250);
  expect(fn).toHaveBeenCalledTimes(2);
});

test('drops the pending call when cancelled', () => {
  const fn = vi.fn();
  const t = throttle(fn, 250);
  t();
  t();
  t.cancel();
  vi.advanceTimersByTime(1000);
  expect(fn).toHaveBeenCalledTimes(1);
});
