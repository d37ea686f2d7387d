import type { Checkpoint } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import type { AdminPlace } from './admin.js';
import { bridgeheads } from './bridges.js';
import { shortCommunity, shortDistrict } from './names.js';
import { distM, lerp, round6 } from './planar.js';
import { type Rng, shuffled } from './prng.js';
import type { District, Road } from './sources.js';

type Kind = Checkpoint['kind'];
/** A candidate site before ids, staffing and tallies. */
export interface Site {
  name: string;
  position: LngLat;
  kind: Kind;
  districtCode: string;
}

export interface CheckpointInput {
  roads: Road[];
  rivers: Map<string, LngLat[]>;
  water: LngLat[][][];
  districtOf: (p: LngLat) => District;
  /** Hospital gates to guard: name and position. */
  hospitals: { name: string; position: LngLat }[];
  /** Cells (centre + admin place) to draw sealed compounds from. */
  cells: { centre: LngLat; place: AdminPlace }[];
  rng: Rng;
  now: number;
}

/** Caps per kind, so the ~120 checkpoints are a mix rather than all district borders. */
const CAPS = { exits: 36, junctions: 20, borders: 40, hospitals: 10, compounds: 12 } as const;

export function buildCheckpoints(input: CheckpointInput): Checkpoint[] {
  const { districtOf, rng } = input;
  const bridges = bridgeheads(input.rivers, input.water).map((b) => {
    const d = districtOf(b.position);
    const end = b.bridge.endsWith('隧道') ? '洞口' : '桥头';
    return { name: `${b.bridge}${shortDistrict(d.name)}${end}卡口`, position: b.position, kind: 'bridge' as const, districtCode: d.code };
  });
  const sites: Site[] = [...bridges];
  const add = (candidates: Site[], cap: number, spacingM: number): void => {
    let taken = 0;
    for (const s of shuffled(candidates, rng)) {
      if (taken >= cap) break;
      if (sites.some((o) => o.name === s.name || distM(o.position, s.position) < spacingM)) continue;
      sites.push(s);
      taken++;
    }
  };
  add(exitSites(input.roads, districtOf), CAPS.exits, 500);
  add(ringJunctionSites(input.roads, districtOf), CAPS.junctions, 800);
  add(borderSites(input.roads, districtOf), CAPS.borders, 800);
  add(input.hospitals.map((h) => ({ name: `${h.name}大门卡口`, position: h.position, kind: 'hospital' as const, districtCode: districtOf(h.position).code })), CAPS.hospitals, 100);
  add(
    input.cells
      .filter((c) => c.place.communityName.includes('社区'))
      .map((c) => ({ name: `${shortCommunity(c.place.communityName)}社区封控小区门岗`, position: c.centre, kind: 'compound_gate' as const, districtCode: c.place.districtCode })),
    CAPS.compounds,
    1500,
  );
  return sites
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.position[0] - b.position[0] || a.position[1] - b.position[1])
    .map((s, i) => ({
      id: `CP-${String(i + 1).padStart(3, '0')}`,
      name: s.name,
      position: round6(s.position),
      kind: s.kind,
      districtCode: s.districtCode,
      status: 'open',
      staffOnDuty: rng.int(4, 12),
      today: { inboundPersons: 0, outboundPersons: 0, inboundVehicles: 0, outboundVehicles: 0, passesChecked: 0, refused: 0, incidents: 0 },
      updatedAt: input.now,
    }));
}

function nearestNamed(p: LngLat, roads: Road[], accept: (r: Road) => boolean, maxM: number): Road | null {
  let best: Road | null = null;
  let bestD = maxM;
  for (const r of roads) {
    if (!r.name || !accept(r)) continue;
    for (const q of r.coords) {
      const d = distM(p, q);
      if (d < bestD) [best, bestD] = [r, d];
    }
  }
  return best;
}

const MAINLINE = new Set(['motorway', 'trunk']);
const LOCAL = new Set(['primary', 'secondary', 'tertiary']);

/** Where motorway/trunk slip roads (`_link`) meet the city streets: 三环线XX出口卡口. */
export function exitSites(roads: Road[], districtOf: (p: LngLat) => District): Site[] {
  return roads
    .filter((r) => r.isLink && (r.highway === 'motorway_link' || r.highway === 'trunk_link'))
    .flatMap((link) => {
      const start = link.coords[0] as LngLat;
      const end = link.coords[link.coords.length - 1] as LngLat;
      const mainline = nearestNamed(start, roads, (r) => MAINLINE.has(r.highway), 400);
      const street = nearestNamed(end, roads, (r) => LOCAL.has(r.highway), 800);
      if (!mainline?.name || !street?.name || mainline.name === street.name) return [];
      const kind: Kind = /环线/.test(mainline.name) ? 'ring_road' : 'highway_exit';
      return [{ name: `${mainline.name}${street.name}出口卡口`, position: end, kind, districtCode: districtOf(end).code }];
    });
}

const BORDER_ROADS = new Set(['trunk', 'primary', 'secondary']);

/** Where main roads pass from one (schematic) district into another: 解放大道·江汉硚口交界卡口. */
export function borderSites(roads: Road[], districtOf: (p: LngLat) => District): Site[] {
  return roads
    .filter((r) => r.name && BORDER_ROADS.has(r.highway))
    .flatMap((r) => {
      const out: Site[] = [];
      for (let i = 0; i + 1 < r.coords.length; i++) {
        const a = districtOf(r.coords[i] as LngLat);
        const b = districtOf(r.coords[i + 1] as LngLat);
        if (a.code === b.code) continue;
        const position = lerp(r.coords[i] as LngLat, r.coords[i + 1] as LngLat, 0.5);
        out.push({ name: `${r.name}·${shortDistrict(a.name)}${shortDistrict(b.name)}交界卡口`, position, kind: 'district_border', districtCode: b.code });
      }
      return out;
    });
}

const RING = /^(二环线|三环线)$/;
const CROSS_ROADS = new Set(['trunk', 'primary']);

/** Interchanges of the 2nd/3rd ring with trunk and primary roads: 三环线XX立交卡口. */
export function ringJunctionSites(roads: Road[], districtOf: (p: LngLat) => District): Site[] {
  const rings = roads.filter((r) => r.name && RING.test(r.name) && !r.isLink);
  const crossing = roads.filter((r) => r.name && CROSS_ROADS.has(r.highway) && !RING.test(r.name) && !r.isLink);
  return rings.flatMap((ring) =>
    crossing.flatMap((road) => {
      const hit = ring.coords.find((p) => road.coords.some((q) => distM(p, q) < 60));
      return hit ? [{ name: `${ring.name}${road.name}立交卡口`, position: hit, kind: 'ring_road' as const, districtCode: districtOf(hit).code }] : [];
    }),
  );
}
