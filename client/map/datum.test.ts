import { expect, test } from 'vitest';
import { distanceM } from '../../shared/geo.js';
import { displayProjector } from './datum.js';

const hankou: [number, number] = [114.289, 30.549];

test('WGS-84 and CGCS2000 basemaps leave positions as they are', () => {
  expect(displayProjector('wgs84')(hankou)).toEqual(hankou);
  expect(displayProjector('cgcs2000')(hankou)).toEqual(hankou);
});

test('a GCJ-02 basemap shifts positions by the few hundred metres AMap tiles are offset in Wuhan', () => {
  const shifted = displayProjector('gcj02')(hankou);
  expect(shifted[0]).toBeGreaterThan(hankou[0]); // east
  expect(shifted[1]).toBeLessThan(hankou[1]); // and south
  const d = distanceM(hankou, shifted);
  expect(d).toBeGreaterThan(400);
  expect(d).toBeLessThan(800);
});
