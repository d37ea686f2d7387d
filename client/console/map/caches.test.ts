import { expect, test } from 'vitest';
import { cellShapes } from '../../map/cellShapes.js';
import { createCell } from '../../state/fixtures.js';
import { createFilteredShapesCache, createOutlinesCache } from './caches.js';

test('hands back the same filtered array while the same cells pass', () => {
  const shapes = cellShapes([createCell('a'), createCell('b')], null);
  const filter = createFilteredShapesCache();
  const first = filter(shapes, (id) => id === 'a');
  expect(first.map((s) => s.id)).toEqual(['a']);
  expect(filter(shapes, (id) => id === 'a')).toBe(first);
  expect(filter(shapes, () => true)).toBe(shapes);
});

test('computes outlines once per grid geometry', () => {
  const cells = { a: createCell('a') };
  const shapes = cellShapes(Object.values(cells), null);
  const outlines = createOutlinesCache();
  const first = outlines(shapes, cells);
  expect(first.district).toHaveLength(4);
  expect(outlines(shapes, cells)).toBe(first);
});
