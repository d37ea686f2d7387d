import type { z } from 'zod';
import { Cell, Checkpoint, Incident, Task, Team, type EntityKind } from '../../shared/entities.js';
import type { LngLat, Ring } from '../../shared/geo.js';
import { flatColumns, type Column } from './columns.js';
import { csvTable } from './csv.js';

/** The shared schema of each entity kind, and the field its map geometry lives in. */
export const ENTITY_SCHEMAS = {
  cells: { schema: Cell, geometry: 'polygon' },
  checkpoints: { schema: Checkpoint, geometry: 'position' },
  teams: { schema: Team, geometry: 'position' },
  tasks: { schema: Task, geometry: 'position' },
  incidents: { schema: Incident, geometry: 'position' },
} as const satisfies Record<EntityKind, { schema: z.ZodObject; geometry: string }>;

const csvColumns = new Map<EntityKind, Column[]>();
const propertyColumns = new Map<EntityKind, Column[]>();

function columnsOf(kind: EntityKind, { geojson }: { geojson: boolean }): Column[] {
  const cache = geojson ? propertyColumns : csvColumns;
  let columns = cache.get(kind);
  if (!columns) {
    const { schema, geometry } = ENTITY_SCHEMAS[kind];
    columns = flatColumns(schema, { skip: geojson ? [geometry] : [] });
    cache.set(kind, columns);
  }
  return columns;
}

/** Entities as a CSV table (BOM, header of dotted column names, times in ISO 8601 UTC). */
export function entitiesCsv(kind: EntityKind, items: object[]): string {
  const columns = columnsOf(kind, { geojson: false });
  return csvTable(
    columns.map((c) => c.header),
    items.map((item) => columns.map((c) => c.get(item))),
  );
}

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Polygon'; coordinates: LngLat[][] } | { type: 'Point'; coordinates: LngLat } | null;
  properties: Record<string, unknown>;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Entities as GeoJSON (RFC 7946): cells as Polygons with a closed ring, the rest as Points, properties flat. */
export function entitiesGeoJson(kind: EntityKind, items: { id: string }[]): FeatureCollection {
  const columns = columnsOf(kind, { geojson: true });
  const field = ENTITY_SCHEMAS[kind].geometry;
  return {
    type: 'FeatureCollection',
    features: items.map((item) => {
      const shape = (item as Record<string, unknown>)[field] as Ring | LngLat | null;
      const geometry = shape === null ? null : field === 'polygon' ? { type: 'Polygon' as const, coordinates: [closeRing(shape as Ring)] } : { type: 'Point' as const, coordinates: shape as LngLat };
      return { type: 'Feature' as const, id: item.id, geometry, properties: Object.fromEntries(columns.map((c) => [c.header, c.get(item) ?? null])) };
    }),
  };
}

/** GeoJSON rings repeat their first vertex at the end; ours may be open (as h3 gives them). */
export function closeRing(ring: Ring): LngLat[] {
  const [first, last] = [ring[0]!, ring.at(-1)!];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}
