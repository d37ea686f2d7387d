import { expect, test } from 'vitest';
import { quantile } from './stats.js';

test('quantile takes the nearest rank below and leaves its input as it was', () => {
  const xs = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];
  expect(quantile(xs, 0.5)).toBe(6);
  expect(quantile(xs, 0.99)).toBe(10);
  expect(quantile(xs, 0)).toBe(1);
  expect(quantile(xs, 1)).toBe(10);
  expect(xs).toEqual([9, 1, 5, 3, 7, 2, 8, 4, 6, 10]);
});
