import { Cell } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { cellFields, type Props } from './cellProperties.js';

/** Why one feature of an import was not taken. */
export interface Rejected {
  /** Position of the feature in `features`, from 0. */
  index: number;
  id?: string;
  reasons: string[];
}

export interface ImportResult {
  cells: Cell[];
  rejected: Rejected[];
}

export interface ImportOptions {
  /** The current cell with this id, if any: an import updates its master data and keeps its counts. */
  existing: (id: string) => Cell | undefined;
  now: number;
}

type Feature = { type?: unknown; id?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: Props | null };

/**
 * Turns a GeoJSON FeatureCollection of an official grid into cells, validated with the shared schema.
 * A new cell starts with zero counts, low risk and no visit; a known one keeps its counts and risk.
 * Each bad feature is reported with every reason found; good ones are returned even if others fail.
 */
export function importCells(features: unknown[], opts: ImportOptions): ImportResult {
  const cells: Cell[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  features.forEach((raw, index) => {
    const f = (raw ?? {}) as Feature;
    const fields = cellFields(f.properties ?? {}, f.id);
    const reasons = [...fields.problems];
    const polygon = outerRing(f, reasons);
    if (fields.id !== undefined && seen.has(fields.id)) reasons.push(`id ${fields.id} appears more than once in this file`);
    const old = fields.id === undefined ? undefined : opts.existing(fields.id);
    const zero = { confirmed: 0, active: 0, cured: 0, deaths: 0, suspected: 0, closeContacts: 0, homeQuarantine: 0, feverToday: 0 };
    const candidate = {
      ...fields.values,
      polygon,
      counts: old?.counts ?? zero,
      risk: old?.risk ?? 'low',
      lastVisitAt: fields.values.lastVisitAt ?? old?.lastVisitAt ?? null,
      updatedAt: opts.now,
    };
    const parsed = Cell.safeParse(candidate);
    if (!parsed.success) reasons.push(...parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(feature)'}: ${i.message}`));
    if (reasons.length || !parsed.success) return void rejected.push({ index, ...(fields.id === undefined ? {} : { id: fields.id }), reasons });
    seen.add(parsed.data.id);
    cells.push(parsed.data);
  });
  return { cells, rejected };
}

/** The outer ring of a Polygon, or of the first polygon of a MultiPolygon, as open `[lng, lat]` vertices. */
function outerRing(f: Feature, reasons: string[]): LngLat[] | undefined {
  if (f.type !== 'Feature') reasons.push('not a GeoJSON Feature');
  const g = f.geometry;
  const coords = g?.type === 'Polygon' ? (g.coordinates as unknown[])?.[0] : g?.type === 'MultiPolygon' ? (g.coordinates as unknown[][])?.[0]?.[0] : undefined;
  if (!Array.isArray(coords)) {
    // Named by its text only when it is text: String() throws on an object without a usable toString.
    const named = g?.type === undefined ? 'missing' : typeof g.type === 'string' ? g.type.slice(0, 40) : `a value of type ${typeof g.type}`;
    reasons.push(`geometry must be a Polygon or MultiPolygon, not ${named}`);
    return undefined;
  }
  // Drop altitudes; positions that are not number pairs are left for the schema to report.
  const ring = coords.map((p) => (Array.isArray(p) ? [p[0], p[1]] : p) as LngLat);
  const [first, last] = [ring[0], ring.at(-1)];
  const closed = ring.length > 3 && Array.isArray(first) && Array.isArray(last) && first[0] === last[0] && first[1] === last[1];
  return closed ? ring.slice(0, -1) : ring;
}
