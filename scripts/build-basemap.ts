/**
 * Builds the offline basemap in data/basemap/ from data/sources/ (see each SOURCE.md).
 * Run: npx tsx scripts/build-basemap.ts — deterministic; outputs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { LabelFeature, LabelProperties } from '../shared/basemap.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (p: string) => path.join(root, 'data/sources', p);
const outDir = path.join(root, 'data/basemap');

type Props = Record<string, unknown>;
type Fc = FeatureCollection<Geometry, Props>;
const read = (p: string): Fc => JSON.parse(fs.readFileSync(src(p), 'utf8')) as Fc;

const NEIGHBOURS = ['420000', '410000', '340000', '360000', '430000', '500000', '610000'];
// Footpaths, tracks and sites under construction only add noise on a wall display.
const DROPPED_HIGHWAYS = new Set(['footway', 'path', 'steps', 'cycleway', 'track', 'raceway', 'construction', 'bridleway']);
const URBAN_DISTRICTS = new Set(['420102', '420103', '420104', '420105', '420106', '420107', '420111']);
const DISTRICT_EN: Record<string, string> = {
  '420102': "Jiang'an", '420103': 'Jianghan', '420104': 'Qiaokou', '420105': 'Hanyang', '420106': 'Wuchang',
  '420107': 'Qingshan', '420111': 'Hongshan', '420112': 'Dongxihu', '420113': 'Hannan', '420114': 'Caidian',
  '420115': 'Jiangxia', '420116': 'Huangpi', '420117': 'Xinzhou',
};
// Natural Earth places carry English names only; zh added by us. NE's "Jianmen" at 113.16,30.65 is Tianmen.
const PLACE_ZH: Record<string, string> = {
  Shiyan: '十堰', Danjiangkou: '丹江口', Shashi: '沙市', Anlu: '安陆', Fengjie: '奉节', Jieshou: '界首',
  Fuyang: '阜阳', Guangshui: '广水', Jingmen: '荆门', Zicheng: '枝城', Shishou: '石首', Xiaogan: '孝感',
  Puqi: '蒲圻', Yunxian: '郧县', Jinshi: '津市', Dengzhou: '邓州', Wanzhou: '万州', Luan: '六安',
  Jianmen: '天门', Yichang: '宜昌', Xiantao: '仙桃', Macheng: '麻城', Huangshi: '黄石', Changde: '常德',
  Xinyang: '信阳', Jiujiang: '九江', Xiangfan: '襄樊', Nanyang: '南阳', Ankang: '安康', Yueyang: '岳阳', Wuhan: '武汉',
};
// The seat point of 江岸区 sits by the Jianghan border, so the two names collide below zoom ~11;
// its label goes inside the district's north-eastern extent instead.
const DISTRICT_LABEL_AT: Record<string, Position> = { '420102': [114.318, 30.625] };
const PLACE_EN_FIX: Record<string, string> = { Jianmen: 'Tianmen' };
const LAKE_ZH: Record<string, string> = { 'Daguan Hu': '大官湖', 'Po Hu': '泊湖' };
// A few OSM ways are tagged in traditional characters (四環線 next to 四环线); one label per road, in simplified.
const T2S: Record<string, string> = { 漢: '汉', 東: '东', 廣: '广', 場: '场', 橋: '桥', 後: '后', 環: '环', 線: '线', 長: '长', 硃: '朱' };
const simplified = (s: string) => [...s].map((c) => T2S[c] ?? c).join('');

// ---------- geometry helpers ----------
const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
const roundPos = (p: Position, d: number): Position => [round(p[0]!, d), round(p[1]!, d)];
const M_PER_DEG = 111_320;

/** Local metres between two positions (equirectangular; fine at city scale). */
function distM(a: Position, b: Position): number {
  const k = Math.cos(((a[1]! + b[1]!) / 2) * (Math.PI / 180));
  return Math.hypot((b[0]! - a[0]!) * k, b[1]! - a[1]!) * M_PER_DEG;
}

function segDistM(p: Position, a: Position, b: Position): number {
  const k = Math.cos(a[1]! * (Math.PI / 180));
  const [px, py, ax, ay, bx, by] = [p[0]! * k, p[1]!, a[0]! * k, a[1]!, b[0]! * k, b[1]!];
  const dx = bx - ax, dy = by - ay;
  const t = dx || dy ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy) * M_PER_DEG;
}

/** Douglas–Peucker with a tolerance in metres, then rounding and de-duplication. */
function simplify(line: Position[], tolM: number, decimals: number): Position[] {
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    let best = -1, bestD = tolM;
    for (let k = i + 1; k < j; k++) {
      const d = segDistM(line[k]!, line[i]!, line[j]!);
      if (d > bestD) [best, bestD] = [k, d];
    }
    if (best > 0) { keep[best] = 1; stack.push([i, best], [best, j]); }
  }
  const out: Position[] = [];
  line.forEach((p, k) => {
    const q = roundPos(p, decimals);
    const last = out[out.length - 1];
    if (keep[k] && !(last && last[0] === q[0] && last[1] === q[1])) out.push(q);
  });
  return out;
}

function simplifyGeometry(g: Geometry, tolM: number, d: number): Geometry | null {
  const ring = (r: Position[]) => { const s = simplify(r, tolM, d); return s.length >= 4 ? s : null; };
  const poly = (rs: Position[][]) => { const out = rs.map(ring); return out[0] ? out.filter((r): r is Position[] => !!r) : null; };
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: roundPos(g.coordinates, d) };
    case 'LineString': { const c = simplify(g.coordinates, tolM, d); return c.length >= 2 ? { type: 'LineString', coordinates: c } : null; }
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => simplify(l, tolM, d)).filter((l) => l.length >= 2) };
    case 'Polygon': { const p = poly(g.coordinates); return p ? { type: 'Polygon', coordinates: p } : null; }
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map(poly).filter((p): p is Position[][] => !!p) };
    default: throw new Error(`unsupported geometry ${g.type}`);
  }
}

const lengthM = (l: Position[]) => l.reduce((s, p, i) => (i ? s + distM(l[i - 1]!, p) : 0), 0);

/** The point half-way along a line. */
function midpoint(l: Position[]): Position {
  let left = lengthM(l) / 2;
  for (let i = 1; i < l.length; i++) {
    const d = distM(l[i - 1]!, l[i]!);
    if (d >= left && d > 0) {
      const t = left / d;
      return [l[i - 1]![0]! + t * (l[i]![0]! - l[i - 1]![0]!), l[i - 1]![1]! + t * (l[i]![1]! - l[i - 1]![1]!)];
    }
    left -= d;
  }
  return l[l.length - 1]!;
}

/** Area-weighted centroid of a polygon's outer ring. */
function centroid(r: Position[]): Position {
  let a = 0, x = 0, y = 0;
  for (let i = 0; i < r.length - 1; i++) {
    const [x0, y0, x1, y1] = [r[i]![0]!, r[i]![1]!, r[i + 1]![0]!, r[i + 1]![1]!];
    const c = x0 * y1 - x1 * y0;
    a += c; x += (x0 + x1) * c; y += (y0 + y1) * c;
  }
  return [x / (3 * a), y / (3 * a)];
}

const nearestVertex = (l: Position[], to: Position) => l.reduce((b, p) => (distM(p, to) < distM(b, to) ? p : b));

// ---------- outputs ----------
function feature(g: Geometry | null, props: Props): Feature<Geometry, Props> | null {
  return g ? { type: 'Feature', geometry: g, properties: props } : null;
}

function layer(fc: Fc, tolM: number, pick: (p: Props) => Props | null): Feature<Geometry, Props>[] {
  return fc.features.flatMap((f) => {
    const props = pick(f.properties ?? {});
    const out = props && feature(simplifyGeometry(f.geometry, tolM, 5), props);
    return out ? [out] : [];
  });
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function buildRoads(): Feature<Geometry, Props>[] {
  const byId = new Map<unknown, Feature<Geometry, Props>>();
  for (const file of ['wuhan_main_roads_osm_sample.geojson', 'wuhan_roads_osm_sample.geojson']) {
    for (const f of read(`osm-wuhan-roads-sample/${file}`).features) byId.set(f.properties?.osm_id, f);
  }
  const kept = [...byId.values()].filter((f) => !DROPPED_HIGHWAYS.has(str(f.properties?.highway)));
  // Draw order: minor first, so main roads end up on top even without a sort key.
  kept.sort((a, b) => Number(b.properties?.class_rank) - Number(a.properties?.class_rank));
  return layer({ type: 'FeatureCollection', features: kept }, 4, (p) => ({
    highway: p.highway, ...(p.name ? { name: p.name } : {}), class_rank: p.class_rank,
  }));
}

function label(at: Position, props: LabelProperties): LabelFeature {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [round(at[0]!, 5), round(at[1]!, 5)] }, properties: props };
}

/** One label per long named main road, greedily spaced so names do not pile up. */
function roadLabels(roads: Feature<Geometry, Props>[]): LabelFeature[] {
  const byName = new Map<string, { total: number; longest: Position[]; best: number }>();
  for (const f of roads) {
    const name = simplified(str(f.properties.name)), rank = Number(f.properties.class_rank);
    if (!name || rank > 4 || f.geometry.type !== 'LineString') continue;
    const l = f.geometry.coordinates, len = lengthM(l);
    const e = byName.get(name) ?? { total: 0, longest: l, best: rank };
    if (len > lengthM(e.longest)) e.longest = l;
    byName.set(name, { total: e.total + len, longest: e.longest, best: Math.min(e.best, rank) });
  }
  const placed: LabelFeature[] = [];
  const sorted = [...byName].filter(([, e]) => e.total >= 3000).sort((a, b) => b[1].total - a[1].total);
  for (const [name, e] of sorted) {
    const at = midpoint(e.longest);
    if (placed.length >= 40 || placed.some((p) => distM(p.geometry.coordinates, at) < 1500)) continue;
    placed.push(label(at, { name_zh: name, name_en: '', kind: 'road', rank: e.best <= 2 ? 1 : 2 }));
  }
  return placed;
}

function buildLabels(roads: Feature<Geometry, Props>[]): LabelFeature[] {
  const labels: LabelFeature[] = [];
  for (const f of read('ne-hubei/china_provinces_ne10m.geojson').features) {
    const p = f.properties ?? {};
    if (!NEIGHBOURS.includes(str(p.adcode)) || f.geometry.type !== 'MultiPolygon') continue;
    const biggest = f.geometry.coordinates.map((poly) => poly[0]!).sort((a, b) => b.length - a.length)[0]!;
    labels.push(label(centroid(biggest), { name_zh: str(p.name_zh), name_en: str(p.name_en), kind: 'province', rank: p.adcode === '420000' ? 1 : 2 }));
  }
  for (const f of read('ne-hubei/hubei_region_places_ne10m.geojson').features) {
    const name = str(f.properties?.name);
    if (f.geometry.type !== 'Point' || !PLACE_ZH[name]) continue;
    const rank = name === 'Wuhan' ? 1 : Number(f.properties?.pop_max) >= 500_000 ? 2 : 3;
    labels.push(label(f.geometry.coordinates, { name_zh: PLACE_ZH[name], name_en: PLACE_EN_FIX[name] ?? name, kind: 'place', rank }));
  }
  const seats = fs.readFileSync(src('hubei-county-seats/hubei_county_seats.csv'), 'utf8').trim().split('\n').slice(1);
  for (const row of seats) {
    const [adcode = '', name = '', , lng, lat] = row.split(',');
    const en = DISTRICT_EN[adcode];
    if (en) labels.push(label(DISTRICT_LABEL_AT[adcode] ?? [Number(lng), Number(lat)], { name_zh: name, name_en: en, kind: 'district', rank: URBAN_DISTRICTS.has(adcode) ? 1 : 2 }));
  }
  labels.push(...waterLabels(), ...roadLabels(roads));
  return labels;
}

// Where along each OSM centreline its name reads best at the wall's default view (hand-picked hints).
const RIVER_LABEL_HINTS: Record<string, { at: Position; rank: 1 | 2 | 3 }> = {
  长江: { at: [114.265, 30.515], rank: 1 }, 汉江: { at: [114.12, 30.565], rank: 1 },
  府河: { at: [114.25, 30.70], rank: 2 }, 举水: { at: [114.72, 30.70], rank: 2 },
};

function waterLabels(): LabelFeature[] {
  const out: LabelFeature[] = [];
  for (const f of read('osm-wuhan-rivers/wuhan_river_centerlines_osm.geojson').features) {
    const hint = RIVER_LABEL_HINTS[str(f.properties?.name_zh)];
    if (!hint || f.geometry.type !== 'LineString') continue;
    out.push(label(nearestVertex(f.geometry.coordinates, hint.at), { name_zh: str(f.properties?.name_zh), name_en: str(f.properties?.name_en), kind: 'water', rank: hint.rank }));
  }
  for (const f of read('ne-hubei/hubei_region_lakes_ne10m.geojson').features) {
    const p = f.properties ?? {};
    const guess = str(p.name_zh_guess).startsWith('东湖') ? ['东湖', 'East Lake'] : str(p.name_zh_guess).startsWith('汤逊湖') ? ['汤逊湖', 'Tangxun Lake'] : null;
    const zh = guess?.[0] ?? (str(p.name_zh) || LAKE_ZH[str(p.name)]);
    if (!zh || f.geometry.type !== 'Polygon') continue;
    const local = guess !== null;
    out.push(label(centroid(f.geometry.coordinates[0]!), { name_zh: zh, name_en: guess?.[1] ?? str(p.name), kind: 'water', rank: local ? 2 : 3 }));
  }
  return out;
}

function write(name: string, features: Feature<Geometry, Props>[] | LabelFeature[]): string {
  // One feature per line keeps diffs of the committed outputs reviewable.
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  fs.writeFileSync(path.join(outDir, name), `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  return `| \`${name}\` | ${features.length} | ${(fs.statSync(path.join(outDir, name)).size / 1024).toFixed(0)} KB |`;
}

function main(): void {
  fs.mkdirSync(outDir, { recursive: true });
  const nameProps = (p: Props) => ({ name_zh: str(p.name_zh) || null, name_en: str(p.name_en) || str(p.name) || null });
  const roads = buildRoads();
  const rows = [
    write('provinces.geojson', layer(read('ne-hubei/china_provinces_ne10m.geojson'), 100, (p) =>
      NEIGHBOURS.includes(str(p.adcode)) ? { name_zh: p.name_zh, name_en: p.name_en, adcode: p.adcode, hubei: p.adcode === '420000' } : null)),
    write('lakes.geojson', layer(read('ne-hubei/hubei_region_lakes_ne10m.geojson'), 50, (p) => ({ ...nameProps(p), scalerank: p.scalerank }))),
    write('rivers.geojson', layer(read('ne-hubei/hubei_region_rivers_ne10m.geojson'), 100, (p) => ({ ...nameProps(p), scalerank: p.scalerank }))),
    write('river-areas.geojson', layer(read('osm-wuhan-rivers/wuhan_river_areas_osm.geojson'), 0, nameProps)),
    write('river-lines.geojson', layer(read('osm-wuhan-rivers/wuhan_river_centerlines_osm.geojson'), 0, nameProps)),
    write('roads.geojson', roads),
    write('labels.geojson', buildLabels(roads)),
  ];
  // ATTRIBUTION.md is hand-written; only the table between the markers is regenerated.
  const attribution = path.join(outDir, 'ATTRIBUTION.md');
  const table = `<!-- sizes -->\n| file | features | size |\n|---|---|---|\n${rows.join('\n')}\n<!-- /sizes -->`;
  fs.writeFileSync(attribution, fs.readFileSync(attribution, 'utf8').replace(/<!-- sizes -->[\s\S]*<!-- \/sizes -->/, table));
  console.log(rows.join('\n'));
}

main();
