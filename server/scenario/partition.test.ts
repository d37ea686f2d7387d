import { expect, test } from 'vitest';
import type { LngLat } from '../../shared/geo.js';
import { partition } from './partition.js';

test('splits two far-apart clusters into two groups, the one nearer the start first', () => {
  const near: LngLat[] = [[114.30, 30.58], [114.301, 30.58], [114.30, 30.581]];
  const far: LngLat[] = [[114.40, 30.58], [114.401, 30.58], [114.40, 30.581]];
  expect(partition([...far, ...near], 2, [114.3, 30.58])).toEqual([1, 1, 1, 0, 0, 0]);
});

test('never makes more groups than points', () => {
  expect(partition([[114.3, 30.5]], 5, [114.3, 30.5])).toEqual([0]);
  expect(partition([], 3, [114.3, 30.5])).toEqual([]);
});
