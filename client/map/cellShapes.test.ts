import { expect, test } from 'vitest';
import { createCell, createCounts } from '../state/fixtures.js';
import { cellShapes, riskKey } from './cellShapes.js';

test('reuses the shapes when only counts or risk changed', () => {
  const before = cellShapes([createCell('a'), createCell('b')], null);
  const after = cellShapes([createCell('a', { risk: 'high', counts: createCounts({ active: 3 }) }), createCell('b')], before);
  expect(after).toBe(before);
});

test('rebuilds the shapes when a cell is added or reshaped', () => {
  const before = cellShapes([createCell('a')], null);
  expect(cellShapes([createCell('a'), createCell('b')], before)).not.toBe(before);
  expect(cellShapes([createCell('a', { at: [114.4, 30.6] })], before)).not.toBe(before);
});

test('keys risks by value, one code per shape', () => {
  const cells = { a: createCell('a', { risk: 'high' }), b: createCell('b', { risk: 'medium' }) };
  const shapes = cellShapes(Object.values(cells), null);
  expect(riskKey(shapes, cells)).toBe('hm');
  expect(riskKey(shapes, { ...cells, b: createCell('b', { risk: 'medium', counts: createCounts({ suspected: 2 }) }) })).toBe('hm');
});
