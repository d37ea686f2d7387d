import type { Cell } from './entities.js';
import type { Delta, PictureState, Snapshot } from './protocol.js';

/**
 * A grid cell in two parts. The live part changes as the epidemic moves and travels in every
 * snapshot and delta; the static part — outline, names and codes, population, grid worker — changes
 * only when a grid is imported, so it is a versioned, cacheable resource (the catalog) that a client
 * fetches once per version instead of in every snapshot (≈ 70 % of the picture's bytes).
 */
export const CELL_LIVE_KEYS = ['id', 'counts', 'risk', 'lastVisitAt', 'updatedAt'] as const;
export type CellLive = Pick<Cell, (typeof CELL_LIVE_KEYS)[number]>;
export type CellStatic = Omit<Cell, Exclude<(typeof CELL_LIVE_KEYS)[number], 'id'>>;

/** Which catalog a client gets: walls get the aggregate one (no grid worker names or phones). */
export type CatalogVariant = 'full' | 'wall';
export interface CatalogRef {
  version: string;
  variant: CatalogVariant;
}
export interface CellCatalog {
  version: string;
  cells: CellStatic[];
}

/** The picture as it travels: cells carry only their live part. */
export type WireState = Omit<PictureState, 'cells'> & { cells: Record<string, CellLive> };
export interface WireSnapshot extends Omit<Snapshot, 'state'> {
  /** The catalog the cells of this snapshot complete. */
  catalog: CatalogRef;
  state: WireState;
}
/**
 * A snapshot as `state:snapshot` carries it: `WireState` as JSON, gzip-compressed and base64-encoded
 * in `stateGz` (the 5,000-cell picture: 1.36 MB of JSON → ~80 KB), so a join storm of 500 screens
 * moves tens of megabytes instead of hundreds. `openSnapshot` gives back the `WireSnapshot`.
 */
export interface PackedSnapshot extends Omit<WireSnapshot, 'state'> {
  stateGz: string;
}
export interface WireDelta extends Omit<Delta, 'cells'> {
  cells?: CellLive[];
  /** Set when a cell's static part changed (a grid import): fetch this catalog version before applying. */
  catalog?: string;
}

export const catalogUrl = (ref: CatalogRef) => `/api/live/catalog/${encodeURIComponent(ref.version)}/${ref.variant}.json`;

export function liveOf(c: Cell): CellLive {
  return { id: c.id, counts: c.counts, risk: c.risk, lastVisitAt: c.lastVisitAt, updatedAt: c.updatedAt };
}

export function staticOf(c: Cell): CellStatic {
  const { counts: _c, risk: _r, lastVisitAt: _l, updatedAt: _u, ...rest } = c;
  return rest;
}

/** Unpacks `state:snapshot` (browsers and Node alike: `DecompressionStream`). Rejects what is not gzip or JSON. */
export async function openSnapshot(packed: PackedSnapshot): Promise<WireSnapshot> {
  const { stateGz, ...rest } = packed;
  if (typeof stateGz !== 'string') throw new Error('snapshot: no stateGz');
  const bytes = Uint8Array.from(atob(stateGz), (c) => c.charCodeAt(0));
  const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  return { ...rest, state: JSON.parse(text) as WireState };
}

const join = (s: CellStatic, l: CellLive): Cell => ({ ...s, ...l });

/** The whole picture from a wire snapshot and its catalog; a cell the catalog lacks is left out. */
export function expandSnapshot(wire: WireSnapshot, catalog: ReadonlyMap<string, CellStatic>): Snapshot {
  const cells: Record<string, Cell> = {};
  for (const id in wire.state.cells) {
    const s = catalog.get(id);
    if (s) cells[id] = join(s, wire.state.cells[id]!);
  }
  const { catalog: _ref, ...rest } = wire;
  return { ...rest, state: { ...wire.state, cells } };
}

/** A delta with whole cells, completed from the catalog. */
export function expandDelta(wire: WireDelta, catalog: ReadonlyMap<string, CellStatic>): Delta {
  const { catalog: _version, cells, ...rest } = wire;
  if (!cells) return rest;
  return { ...rest, cells: cells.flatMap((l) => (catalog.has(l.id) ? [join(catalog.get(l.id)!, l)] : [])) };
}

export const catalogMap = (c: CellCatalog): Map<string, CellStatic> => new Map(c.cells.map((s) => [s.id, s]));
