import type { LngLat } from '../../shared/geo.js';
import { dist2, inRing, nearestOnLine } from './planar.js';
import type { District } from './sources.js';

/** Wuhan's three towns (三镇), split by the Yangtze and the Han. */
export type Bank = 'hankou' | 'hanyang' | 'wuchang';

/**
 * Classifies points by bank using the river centrelines closed into half-planes far outside the city.
 * Why: there are no open district outlines, so cells go to the nearest district centre — but only
 * a centre on the same bank, or the Voronoi split would put Hankou blocks into Wuchang across the river.
 */
export function createBankClassifier(rivers: Map<string, LngLat[]>): (p: LngLat) => Bank {
  const yangtze = rivers.get('长江');
  const han = rivers.get('汉江');
  if (!yangtze || !han) throw new Error('river centrelines for 长江 and 汉江 are required');
  const first = yangtze[0] as LngLat;
  const last = yangtze[yangtze.length - 1] as LngLat;
  // The Yangtze flows south-west → north-east; its right (south-east) bank is Wuchang.
  const wuchang: LngLat[] = [...yangtze, [121, last[1]], [121, 20], [first[0], 20]];
  const confluence = han[han.length - 1] as LngLat;
  const upstream = yangtze.slice(0, nearestOnLine(confluence, yangtze).index + 1).reverse();
  const hanStart = han[0] as LngLat;
  // South of the Han and west of the Yangtze is Hanyang (incl. Caidian and Hannan).
  const hanyang: LngLat[] = [...han, ...upstream, [110, first[1]], [110, hanStart[1]]];
  return (p) => (inRing(p, wuchang) ? 'wuchang' : inRing(p, hanyang) ? 'hanyang' : 'hankou');
}

/** Nearest district centre on the same bank (a schematic Voronoi split; the app says so). */
export function createDistrictLocator(districts: District[], bankOf: (p: LngLat) => Bank): (p: LngLat) => District {
  const byBank = new Map<Bank, District[]>();
  for (const d of districts) {
    const bank = bankOf(d.centre);
    byBank.set(bank, [...(byBank.get(bank) ?? []), d]);
  }
  // Memoised: road vertices and cell centres are looked up several times while the scenario is built.
  const memo = new Map<string, District>();
  return (p) => {
    const key = `${p[0]},${p[1]}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const candidates = byBank.get(bankOf(p)) ?? districts;
    let best = candidates[0] as District;
    for (const d of candidates) if (dist2(p, d.centre) < dist2(p, best.centre)) best = d;
    memo.set(key, best);
    return best;
  };
}
