import type { Task } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import type { AdminPlace } from './admin.js';
import type { DistrictRoads } from './districtRoads.js';
import { shortCommunity, shortStreet } from './names.js';
import { round6, toLngLat, toXY } from './planar.js';
import { type Rng, shuffled } from './prng.js';
import type { RoadGraph } from './roadGraph.js';
import type { District, Hospital } from './sources.js';

type SiteKind = Task['siteKind'];
const AREA_M2: Record<SiteKind, [number, number]> = {
  hospital: [20_000, 120_000],
  landfill: [100_000, 400_000],
  transfer_station: [300, 1_500],
  public_place: [5_000, 30_000],
  residential: [10_000, 60_000],
  market: [2_000, 10_000],
};

export interface TaskInput {
  hospitals: Hospital[];
  districts: District[];
  /** One admin place per grid cell, to name transfer stations and markets after real streets and communities. */
  places: AdminPlace[];
  graph: RoadGraph;
  roads: DistrictRoads;
  rng: Rng;
  now: number;
}

/** 高新区 = 东湖高新区, whose territory was carved mostly out of 洪山区. */
const DISTRICT_ALIASES: Record<string, string> = { 高新区: '洪山区' };
/** Rows of the supplies list that are organisations or departments, not hospital sites. */
const NOT_A_SITE = /项目部|医疗队|科$/;

/** Distinct Wuhan hospitals with a known district (from the column or, failing that, the address). */
export function wuhanHospitalSites(hospitals: Hospital[], districts: District[]): { name: string; districtCode: string }[] {
  const seen = new Set<string>();
  return hospitals.flatMap((h) => {
    const name = h.name.replace(/[（(].*?[)）]/g, '').trim();
    const districtName = DISTRICT_ALIASES[h.districtName] ?? h.districtName;
    const d = districts.find((x) => x.name === districtName) ?? districts.find((x) => h.address.includes(x.name));
    // 武汉市汉口医院 and 武汉汉口医院 are one hospital: compare without the city/university prefix.
    const key = name.replace(/^(华中科技大学同济医学院附属|武汉市|武汉)/, '');
    if (!d || !/医院|卫生院|保健院/.test(name) || NOT_A_SITE.test(h.name) || seen.has(key)) return [];
    seen.add(key);
    return [{ name, districtCode: d.code }];
  });
}

/** A point 20–60 m off a random road vertex of the district: a gate beside the street. */
function siteNear(input: TaskInput, districtCode: string): LngLat {
  const nodes = input.roads.get(districtCode) ?? [];
  const [x, y] = toXY(input.graph.nodes[input.rng.pick(nodes)] as LngLat);
  const a = input.rng.range(0, 2 * Math.PI);
  const r = input.rng.range(20, 60);
  return round6(toLngLat([x + r * Math.cos(a), y + r * Math.sin(a)]));
}

export function buildTasks(input: TaskInput): Task[] {
  const { rng, places } = input;
  const sites: { siteName: string; siteKind: SiteKind; districtCode: string }[] = [
    ...wuhanHospitalSites(input.hospitals, input.districts).map((h) => ({ siteName: h.name, siteKind: 'hospital' as const, districtCode: h.districtCode })),
  ];
  // Skip functional-zone pseudo streets such as 东湖风景区街道（洪山）: a depot is named after a plain street.
  const plain = places.filter((p) => !/[（(]|办事处|风景区/.test(p.streetName));
  const streets = shuffled([...new Map(plain.map((p) => [p.streetCode, p])).values()], rng);
  for (const p of streets.slice(0, 14)) sites.push({ siteName: `${shortStreet(p.streetName)}垃圾中转站`, siteKind: 'transfer_station', districtCode: p.districtCode });
  const communities = shuffled([...new Map(places.filter((p) => p.communityName.includes('社区')).map((p) => [p.communityCode, p])).values()], rng);
  for (const p of communities.slice(0, 6)) sites.push({ siteName: `${shortCommunity(p.communityName)}农贸市场`, siteKind: 'market', districtCode: p.districtCode });
  for (const p of communities.slice(6, 10)) sites.push({ siteName: `${shortCommunity(p.communityName)}文化广场`, siteKind: 'public_place', districtCode: p.districtCode });
  for (const d of ['420115', '420116', '420107']) {
    const name = input.districts.find((x) => x.code === d)?.name ?? '';
    sites.push({ siteName: `${name}生活垃圾填埋场`, siteKind: 'landfill', districtCode: d });
  }
  return sites.map((s, i) => ({
    id: `TK-${String(i + 1).padStart(3, '0')}`,
    ...s,
    position: siteNear(input, s.districtCode),
    areaM2: rng.int(...AREA_M2[s.siteKind]),
    teamId: null,
    status: 'pending',
    dueAt: null,
    completedAt: null,
    updatedAt: input.now,
  }));
}
