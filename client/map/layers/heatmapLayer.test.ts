import { expect, test } from 'vitest';
import { createCell, createCounts } from '../../state/fixtures.js';
import { cellShapes } from '../cellShapes.js';
import { activeCentroids, ringCentroid } from '../geometry.js';
import { createCaseHeatmapLayer } from './heatmapLayer.js';
import { callAccessor, createShiftedDisplay } from './testing.js';

function centroidsOf(...cells: ReturnType<typeof createCell>[]) {
  return activeCentroids(cellShapes(cells, null), Object.fromEntries(cells.map((c) => [c.id, c])));
}

test('weights each cell centroid by its active cases, through the projector', () => {
  const centroids = centroidsOf(createCell('c1', { at: [114, 30], counts: createCounts({ active: 7 }) }));
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
  const centroids = centroidsOf(createCell('a', { counts: createCounts({ active: 0, confirmed: 4 }) }), createCell('b', { counts: createCounts({ active: 1 }) }));
  expect(centroids.map((c) => c.id)).toEqual(['b']);
});

test('keeps the previous weights when no active count moved', () => {
  const a = createCell('a', { counts: createCounts({ active: 2 }) });
  const shapes = cellShapes([a], null);
  const first = activeCentroids(shapes, { a });
  expect(activeCentroids(shapes, { a: { ...a, counts: createCounts({ active: 2, suspected: 5 }) } }, first)).toBe(first);
  expect(activeCentroids(shapes, { a: { ...a, counts: createCounts({ active: 3 }) } }, first)).not.toBe(first);
});

test('ignores the closing vertex when taking a centroid', () => {
  expect(ringCentroid([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]])).toEqual([1, 1]);
  expect(ringCentroid([[0, 0], [3, 0], [0, 3]])).toEqual([1, 1]);
});
