import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCurve, curveAt, readWuhanDaily } from './curve.js';

const dataDir = path.resolve(import.meta.dirname, '../../data');

describe('buildCurve', () => {
  const curve = buildCurve(readWuhanDaily(dataDir));

  test('keeps the bulletin figures on days the source has', () => {
    expect(curveAt(curve, '2020-03-12')).toEqual({ date: '2020-03-12', confirmed: 49991, cured: 35197, deaths: 2436 });
    expect(curveAt(curve, '2020-02-12').confirmed).toBe(32994);
  });

  test('has every day from 2019-12-01 to 2020-04-29, and interpolates the missing 01-20…01-22', () => {
    expect(curve[0]?.date).toBe('2019-12-01');
    expect(curve[curve.length - 1]?.date).toBe('2020-04-29');
    expect(curve.length).toBe(151);
    const jan = ['2020-01-19', '2020-01-20', '2020-01-21', '2020-01-22', '2020-01-23'].map((d) => curveAt(curve, d).confirmed);
    expect(jan).toEqual([198, 272, 347, 421, 495]);
  });

  test('is monotone in every series and never has negative active cases', () => {
    for (let i = 1; i < curve.length; i++) {
      const [a, b] = [curve[i - 1]!, curve[i]!];
      expect(b.confirmed).toBeGreaterThanOrEqual(a.confirmed);
      expect(b.cured).toBeGreaterThanOrEqual(a.cured);
      expect(b.deaths).toBeGreaterThanOrEqual(a.deaths);
      expect(b.confirmed - b.cured - b.deaths).toBeGreaterThanOrEqual(0);
    }
  });

  test('treats a zero after positive values as a gap, not a fall to zero', () => {
    const c = buildCurve([
      { date: '2020-02-01', confirmed: 10, cured: 4, deaths: 1 },
      { date: '2020-02-02', confirmed: 12, cured: 0, deaths: 1 },
      { date: '2020-02-03', confirmed: 14, cured: 8, deaths: 2 },
    ]);
    expect(c.map((d) => d.cured)).toEqual([4, 6, 8]);
  });

  test('holds the last day after the data ends and is zero before it starts', () => {
    expect(curveAt(curve, '2020-06-01')).toMatchObject({ confirmed: 50333, deaths: 3869 });
    expect(curveAt(curve, '2019-11-01')).toMatchObject({ confirmed: 0, cured: 0, deaths: 0 });
  });
});
