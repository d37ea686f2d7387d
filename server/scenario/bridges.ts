import type { LngLat } from '../../shared/geo.js';
import { inPolygon, nearestOnLine, toLngLat, toXY } from './planar.js';

/**
 * River crossings open in 2020 (the OSM sample holds only a few of them, and 青山长江大桥 opened in
 * Dec 2020). Positions are approximate (±300 m) and get snapped onto the river centreline.
 */
const CROSSINGS: readonly { name: string; river: '长江' | '汉江'; near: LngLat }[] = [
  { name: '武汉长江大桥', river: '长江', near: [114.2885, 30.5525] },
  { name: '长江二桥', river: '长江', near: [114.3235, 30.5955] },
  { name: '二七长江大桥', river: '长江', near: [114.352, 30.624] },
  { name: '天兴洲长江大桥', river: '长江', near: [114.412, 30.662] },
  { name: '鹦鹉洲长江大桥', river: '长江', near: [114.27, 30.53] },
  { name: '杨泗港长江大桥', river: '长江', near: [114.2574, 30.5093] },
  { name: '白沙洲长江大桥', river: '长江', near: [114.258, 30.485] },
  { name: '武汉长江隧道', river: '长江', near: [114.3036, 30.5804] },
  { name: '江汉桥', river: '汉江', near: [114.2617, 30.5648] },
  { name: '晴川桥', river: '汉江', near: [114.279, 30.5659] },
  { name: '月湖桥', river: '汉江', near: [114.2545, 30.5627] },
  { name: '知音桥', river: '汉江', near: [114.243, 30.566] },
  { name: '长丰桥', river: '汉江', near: [114.2138, 30.5822] },
  { name: '汉江湾桥', river: '汉江', near: [114.2046, 30.5856] },
];

/** One end of a crossing, just off the water. */
export interface Bridgehead {
  bridge: string;
  position: LngLat;
}

const HAN_HALF_WIDTH_M = 200;
const BANK_SETBACK_M = 120;

/** Both bridgeheads of every crossing: step across the centreline until we leave the water polygons. */
export function bridgeheads(rivers: Map<string, LngLat[]>, water: LngLat[][][]): Bridgehead[] {
  const wet = (p: LngLat): boolean => water.some((rings) => inPolygon(p, rings));
  return CROSSINGS.flatMap((c) => {
    const line = rivers.get(c.river) ?? [];
    const snap = nearestOnLine(c.near, line);
    const a = toXY(line[snap.index] as LngLat);
    const b = toXY(line[snap.index + 1] as LngLat);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const normal = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
    const centre = toXY(snap.point);
    return [1, -1].map((side) => {
      const at = (m: number): LngLat => toLngLat([centre[0] + side * m * (normal[0] ?? 0), centre[1] + side * m * (normal[1] ?? 0)]);
      let m = c.river === '汉江' ? HAN_HALF_WIDTH_M : 100;
      while (c.river === '长江' && m < 3000 && wet(at(m))) m += 50;
      return { bridge: c.name, position: at(m + BANK_SETBACK_M) };
    });
  });
}
