import type { LabelFeature, LabelKind, LabelProperties } from '../../../shared/basemap.js';

type Rank = LabelProperties['rank'];
type ZoomRange = readonly [minZoom: number, maxZoom: number];

/**
 * Zooms at which each kind and rank of label shows: [min, max). Chosen so labels of one kind do not
 * collide at the zooms they show at — districts from 9, the urban seven from 10 (江汉/江岸 are ~4 km apart), regional
 * places only while Wuhan is still small, road names only where the roads are drawn wide.
 */
export const LABEL_ZOOMS: Record<LabelKind, Record<Rank, ZoomRange>> = {
  province: { 1: [4, 7.5], 2: [4, 7.5], 3: [4, 7.5] },
  place: { 1: [5, 10], 2: [6, 9.5], 3: [7, 9.5] },
  district: { 1: [10, 24], 2: [9, 24], 3: [9, 24] },
  water: { 1: [9.5, 24], 2: [10.5, 24], 3: [7, 10] },
  road: { 1: [12, 24], 2: [13, 24], 3: [14, 24] },
};

/** Text size in pixels by kind and rank; districts lead, roads whisper. */
export const LABEL_SIZES: Record<LabelKind, Record<Rank, number>> = {
  province: { 1: 18, 2: 15, 3: 15 },
  place: { 1: 18, 2: 14, 3: 13 },
  district: { 1: 17, 2: 15, 3: 15 },
  water: { 1: 15, 2: 13, 3: 12 },
  road: { 1: 13, 2: 12, 3: 12 },
};

/** Text colour by kind: near-white, water tinted blue, roads grey. */
export const LABEL_COLOURS: Record<LabelKind, [number, number, number, number]> = {
  province: [160, 174, 198, 230],
  place: [222, 228, 238, 255],
  district: [238, 242, 250, 255],
  water: [132, 178, 228, 255],
  road: [178, 186, 200, 255],
};

export function isLabelVisible(p: LabelProperties, zoom: number): boolean {
  const [min, max] = LABEL_ZOOMS[p.kind][p.rank];
  return zoom >= min && zoom < max;
}

const visibleCache = new WeakMap<readonly LabelFeature[], Map<string, LabelFeature[]>>();

/**
 * The labels to draw at `zoom`. The same array comes back while the visible set is unchanged, so
 * deck.gl does not rebuild attributes on every zoom frame.
 */
export function visibleLabels(labels: readonly LabelFeature[], zoom: number): LabelFeature[] {
  const key = Object.entries(LABEL_ZOOMS)
    .flatMap(([kind, ranks]) => Object.entries(ranks).filter(([, [min, max]]) => zoom >= min && zoom < max).map(([r]) => kind + r))
    .join(',');
  let byKey = visibleCache.get(labels);
  if (!byKey) visibleCache.set(labels, (byKey = new Map()));
  let out = byKey.get(key);
  if (!out) byKey.set(key, (out = labels.filter((l) => isLabelVisible(l.properties, zoom))));
  return out;
}

/** The text shown for a label: English/pinyin when asked and known, else Chinese. */
export function labelText(p: LabelProperties, lang: 'zh-CN' | 'en'): string {
  return lang === 'en' && p.name_en ? p.name_en : p.name_zh;
}

const charsCache = new WeakMap<readonly LabelFeature[], string>();

/**
 * Every character of every label in both languages, sorted: one stable font atlas for all zooms and
 * both languages (deck.gl's default set is ASCII only, so Chinese needs this). A string, so it
 * compares equal across renders.
 */
export function labelCharacterSet(labels: readonly LabelFeature[]): string {
  let chars = charsCache.get(labels);
  if (chars === undefined) {
    const set = new Set<string>();
    for (const { properties: p } of labels) for (const c of p.name_zh + p.name_en) set.add(c);
    chars = [...set].sort().join('');
    charsCache.set(labels, chars);
  }
  return chars;
}

/** Fetches the label points (config.labelsUrl), dropping any malformed feature rather than failing. */
export async function fetchLabels(url: string): Promise<LabelFeature[]> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const fc = (await res.json()) as { features?: unknown };
  return Array.isArray(fc.features) ? fc.features.filter(isLabelFeature) : [];
}

function isLabelFeature(f: unknown): f is LabelFeature {
  const x = f as Partial<LabelFeature> | null;
  const p = x?.properties;
  const c = x?.geometry?.coordinates;
  return !!p && typeof p.name_zh === 'string' && p.kind !== undefined && p.kind in LABEL_ZOOMS
    && (p.rank === 1 || p.rank === 2 || p.rank === 3) && Array.isArray(c) && c.length === 2;
}
