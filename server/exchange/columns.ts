import { z } from 'zod';
import { EpochMs, LngLat, Ring } from '../../shared/geo.js';

/** One flat column of an entity, as CSV and GeoJSON properties show it. */
export interface Column {
  /** Dotted path, e.g. `counts.confirmed`, `position.lng`. */
  header: string;
  get: (entity: object) => unknown;
}

type Wrapped = z.ZodType & { unwrap(): z.ZodType };
const isWrapper = (s: z.ZodType): s is Wrapped => s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault;
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (isWrapper(s)) s = s.unwrap();
  return s;
}

const iso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : null);
const at = (path: string[]) => (entity: object) => path.reduce<unknown>((v, k) => (v as Record<string, unknown> | null | undefined)?.[k], entity);

/**
 * The columns of an entity schema, walked from the shared zod schema so a new field shows up in every
 * export without touching this file. Nested objects become dotted columns, times become ISO 8601 UTC,
 * `[lng, lat]` becomes two columns, and a ring becomes its vertex centroid (the shape is in GeoJSON).
 * `skip` leaves out fields a format carries elsewhere (the geometry in GeoJSON).
 */
export function flatColumns(schema: z.ZodObject, { skip = [] as string[], prefix = [] as string[] } = {}): Column[] {
  const columns: Column[] = [];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (skip.includes(key)) continue;
    const path = [...prefix, key];
    const header = path.join('.');
    const get = at(path);
    const inner = unwrap(field);
    if (inner === EpochMs) columns.push({ header, get: (e) => iso(get(e)) });
    else if (inner === LngLat) columns.push({ header: `${header}.lng`, get: (e) => (get(e) as LngLat | null)?.[0] ?? null }, { header: `${header}.lat`, get: (e) => (get(e) as LngLat | null)?.[1] ?? null });
    else if (inner === Ring) columns.push({ header: `${header}.centroidLng`, get: (e) => centroid(get(e) as Ring)[0] }, { header: `${header}.centroidLat`, get: (e) => centroid(get(e) as Ring)[1] });
    else if (inner instanceof z.ZodObject) columns.push(...flatColumns(inner, { prefix: path }));
    else columns.push({ header, get });
  }
  return columns;
}

/** Mean of the distinct vertices, to 6 decimals (~0.1 m): a label point, not an area centroid. */
export function centroid(ring: Ring): LngLat {
  const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
  const sum = open.reduce((s, p) => [s[0] + p[0], s[1] + p[1]], [0, 0]);
  return [+(sum[0] / open.length).toFixed(6), +(sum[1] / open.length).toFixed(6)];
}
