import { expect, test } from 'vitest';
import { createCell, createCounts } from '../../state/fixtures.js';
import { activeCentroids, ringCentroid } from '../geometry.js';
import { createCaseHeatmapLayer } from './heatmapLayer.js';
import { callAccessor, createShiftedDisplay } from './testing.js';

test('weights each cell centroid by its active cases, through the projector', () => {
  const centroids = activeCentroids([createCell('c1', { at: [114, 30], counts: createCounts({ active: 7 }) })]);
  const layer = createCaseHeatmapLayer(centroids, createShiftedDisplay());
  expect(layer.id).toBe('case-heatmap');
  const [d] = centroids;
  expect(callAccessor(layer.props.getWeight, d)).toBe(7);
  const [x, y] = callAccessor(layer.props.getPosition, d) as number[];
  expect(x).toBeCloseTo(115);
  expect(y).toBeCloseTo(32);
  expect(layer.props.updateTriggers.getPosition).toBe('gcj02');
});

test('leaves cells without active cases out of the heatmap', () => {
  const cells = [createCell('a', { counts: createCounts({ active: 0, confirmed: 4 }) }), createCell('b', { counts: createCounts({ active: 1 }) })];
  expect(activeCentroids(cells).map((c) => c.id)).toEqual(['b']);
});

test('ignores the closing vertex when taking a centroid', () => {
  expect(ringCentroid([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]])).toEqual([1, 1]);
  expect(ringCentroid([[0, 0], [3, 0], [0, 3]])).toEqual([1, 1]);
});
