import { cellToBoundary, cellToLatLng, gridDisk, latLngToCell, polygonToCells } from 'h3-js';
import type { LngLat } from '../../shared/geo.js';
import { distM, inPolygon, nearestOnLine, round6, toLngLat, toXY } from './planar.js';
import type { District } from './sources.js';

export const H3_RES = 9;
/** Centre of the urban core (near the Yangtze/Han confluence). */
export const CITY_CENTRE: LngLat = [114.3, 30.58];
/** Radius of the gridded core: about the third ring road. */
export const CORE_RADIUS_M = 13_500;
/** Outer districts whose seat lies beyond the core get a small disc around their seat town. */
const SEAT_DISC_K = 7;
/** The OSM Han polygons miss the urban reach; treat this close to its centreline as water. */
const HAN_HALF_WIDTH_M = 140;

export interface GridCell {
  id: string;
  centre: LngLat;
  polygon: LngLat[];
}

export interface GridInput {
  water: LngLat[][][];
  han: LngLat[];
  districts: District[];
  districtOf: (p: LngLat) => District;
}

export function cellCentre(h: string): LngLat {
  const [lat, lng] = cellToLatLng(h);
  return [lng, lat];
}

function circle(centre: LngLat, radiusM: number): LngLat[] {
  const [cx, cy] = toXY(centre);
  return Array.from({ length: 73 }, (_, i) => {
    const a = (2 * Math.PI * (i % 72)) / 72;
    return toLngLat([cx + radiusM * Math.cos(a), cy + radiusM * Math.sin(a)]);
  });
}

function bbox(rings: LngLat[][]): [number, number, number, number] {
  const pts = rings[0] ?? [];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function createWaterTest(water: LngLat[][][], han: LngLat[]): (p: LngLat) => boolean {
  const boxed = water.map((rings) => ({ rings, box: bbox(rings) }));
  return (p) =>
    boxed.some(({ rings, box }) => p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3] && inPolygon(p, rings)) ||
    nearestOnLine(p, han).distM < HAN_HALF_WIDTH_M;
}

/** H3 res-9 cells over the urban core and the outer districts' seat towns, minus rivers and lakes; sorted by id. */
export function buildGrid(input: GridInput): GridCell[] {
  const ids = new Set(polygonToCells(circle(CITY_CENTRE, CORE_RADIUS_M), H3_RES, true));
  const coreCount = new Map<string, number>();
  for (const h of ids) {
    const code = input.districtOf(cellCentre(h)).code;
    coreCount.set(code, (coreCount.get(code) ?? 0) + 1);
  }
  for (const d of input.districts) {
    if (distM(d.centre, CITY_CENTRE) > CORE_RADIUS_M || (coreCount.get(d.code) ?? 0) < 100) {
      for (const h of gridDisk(latLngToCell(d.centre[1], d.centre[0], H3_RES), SEAT_DISC_K)) ids.add(h);
    }
  }
  const isWater = createWaterTest(input.water, input.han);
  return [...ids]
    .sort()
    .map((id) => ({ id, centre: cellCentre(id), polygon: cellToBoundary(id, true).map((p) => round6([p[0] ?? 0, p[1] ?? 0])) }))
    .filter((c) => !isWater(c.centre));
}
