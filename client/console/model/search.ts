import type { Cell, Checkpoint, Incident, Team } from '../../../shared/entities.js';
import type { LngLat } from '../../../shared/geo.js';

export type SearchKind = 'district' | 'street' | 'community' | 'checkpoint' | 'team' | 'incident';

/** Bounds as [[west, south], [east, north]], WGS-84. */
export type Bounds = [LngLat, LngLat];

/** Something an official can look up by name or code. */
export interface SearchItem {
  kind: SearchKind;
  /** Area code, or the checkpoint's / team's id. */
  id: string;
  name: string;
  /** Where it lies, e.g. the district and street of a community. */
  context: string;
  /** Areas: the bounds of their cells. Points are located from the live picture when chosen. */
  bounds: Bounds | null;
}

function grow(b: Bounds | undefined, ring: readonly LngLat[]): Bounds {
  const out: Bounds = b ? [[...b[0]], [...b[1]]] : [[Infinity, Infinity], [-Infinity, -Infinity]];
  for (const [x, y] of ring) {
    if (x < out[0][0]) out[0][0] = x;
    if (y < out[0][1]) out[0][1] = y;
    if (x > out[1][0]) out[1][0] = x;
    if (y > out[1][1]) out[1][1] = y;
  }
  return out;
}

/** Districts, streets and communities of the grid, each with the bounds of its cells. */
export function areaItems(cells: Iterable<Cell>): SearchItem[] {
  const items = new Map<string, SearchItem>();
  const add = (kind: SearchKind, id: string, name: string, context: string, ring: readonly LngLat[]) => {
    const key = `${kind}:${id}`;
    const item = items.get(key);
    if (item) item.bounds = grow(item.bounds ?? undefined, ring);
    else items.set(key, { kind, id, name, context, bounds: grow(undefined, ring) });
  };
  for (const c of cells) {
    add('district', c.districtCode, c.districtName, '', c.polygon);
    add('street', c.streetCode, c.streetName, c.districtName, c.polygon);
    add('community', c.communityCode, c.communityName, `${c.districtName} ${c.streetName}`, c.polygon);
  }
  return [...items.values()];
}

/** Checkpoints and teams by name and id; located on the map when chosen, since teams move. */
export function pointItems(checkpoints: Iterable<Checkpoint>, teams: Iterable<Team>, districtName: (code: string) => string): SearchItem[] {
  const out: SearchItem[] = [];
  for (const c of checkpoints) out.push({ kind: 'checkpoint', id: c.id, name: c.name, context: districtName(c.districtCode), bounds: null });
  for (const t of teams) out.push({ kind: 'team', id: t.id, name: t.name, context: districtName(t.districtCode), bounds: null });
  return out;
}

/**
 * Incidents by the words of their note (what a field team wrote: "冲岗", a street name…) or their id;
 * an incident without a note goes by its kind. The note is free text: it is only ever shown as text.
 */
export function incidentItems(incidents: Iterable<Incident>, kindName: (kind: Incident['kind']) => string): SearchItem[] {
  const out: SearchItem[] = [];
  for (const i of incidents) {
    const note = i.note.replace(/\s+/g, ' ').trim();
    out.push({ kind: 'incident', id: i.id, name: note ? note.slice(0, 80) : kindName(i.kind), context: kindName(i.kind), bounds: null });
  }
  return out;
}

const KIND_ORDER: Record<SearchKind, number> = { team: 0, checkpoint: 1, community: 2, street: 3, district: 4, incident: 5 };

/** How well an item matches: 0 exact, 1 prefix, 2 contains, 3 by code/id; null for no match. */
function rank(item: SearchItem, q: string): number | null {
  const name = item.name.toLowerCase();
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.includes(q)) return 2;
  if (item.id.toLowerCase().startsWith(q)) return 3;
  return null;
}

/**
 * Items matching `query` (case-insensitive, by name substring or code/id prefix), best first: exact,
 * then prefix, then substring; within a rank teams and checkpoints before areas, then shorter names.
 */
export function search(items: readonly SearchItem[], query: string, limit = 12): SearchItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: { item: SearchItem; r: number }[] = [];
  for (const item of items) {
    const r = rank(item, q);
    if (r !== null) hits.push({ item, r });
  }
  hits.sort((a, b) => a.r - b.r || KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] || a.item.name.length - b.item.name.length || a.item.id.localeCompare(b.item.id));
  return hits.slice(0, limit).map((h) => h.item);
}
