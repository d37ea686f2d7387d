import { expect, test } from 'vitest';
import { areaOutlines } from './outlines.js';

// Two unit squares side by side in area A, one below them in area B.
const shapes = [
  { id: 'a1', polygon: [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]] as [number, number][] },
  { id: 'a2', polygon: [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]] as [number, number][] },
  { id: 'b1', polygon: [[0, -1], [1, -1], [1, 0], [0, 0], [0, -1]] as [number, number][] },
];
const areaOf = (id: string) => (id.startsWith('a') ? 'A' : id.startsWith('b') ? 'B' : undefined);

test('drops the edge two cells of one area share and keeps the outer ones', () => {
  const edges = areaOutlines(shapes, areaOf).filter((e) => e.area === 'A');
  expect(edges).toHaveLength(6);
  expect(edges.some((e) => e.from[0] === 1 && e.to[0] === 1)).toBe(false);
});

test('keeps an edge shared by cells of different areas in both outlines', () => {
  const edges = areaOutlines(shapes, areaOf);
  expect(edges.filter((e) => e.area === 'B')).toHaveLength(4);
  expect(edges).toHaveLength(10);
});

test('skips cells without an area', () => {
  expect(areaOutlines([{ id: 'x', polygon: [[0, 0], [1, 0], [1, 1]] }], areaOf)).toEqual([]);
});
