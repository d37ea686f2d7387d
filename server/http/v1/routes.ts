import { z } from 'zod';
import { CheckpointKind, CheckpointStatus, ENTITY_KINDS, IncidentKind, IncidentStatus, RiskLevel, SiteKind, TaskStatus, TeamKind, TeamStatus, type EntityKind } from '../../../shared/entities.js';
import { EntityEventsAnswer, ENTITY_ANSWERS, EventsAnswer, FeatureCollection, ImportAnswer, StateAnswer, TimelineAnswer } from './schemas.js';
import { IntParam, TimeParam, momentQuery, query } from './query.js';
import { CELL_PROPERTY_ALIASES } from '../../exchange/cellProperties.js';

export type RouteId = 'state' | `list_${EntityKind}` | `get_${EntityKind}` | 'entityEvents' | 'events' | 'timeline' | 'export' | 'importCells' | 'openapi' | 'docs';

/** One endpoint of /api/v1: the router mounts it and the OpenAPI document describes it, from this one table. */
export interface RouteSpec {
  id: RouteId;
  method: 'get' | 'post';
  /** Express path under /api/v1 (`:name` params). */
  path: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Request body media types, for POST. */
  body?: { types: string[]; description: string };
  /** Answer media types → schema (null when the body is not JSON). */
  answers: Record<string, z.ZodType | null>;
}

const district = z.string().min(1).max(60).optional().meta({ description: 'district code or name' });
/** Filters each list accepts, with values checked against the shared enums. */
export const LIST_FILTERS = {
  cells: { district, risk: RiskLevel.optional() },
  checkpoints: { district, status: CheckpointStatus.optional(), kind: CheckpointKind.optional() },
  teams: { district, status: TeamStatus.optional(), kind: TeamKind.optional() },
  tasks: { district, status: TaskStatus.optional(), kind: SiteKind.optional().meta({ description: 'site kind' }) },
  incidents: { status: IncidentStatus.optional(), kind: IncidentKind.optional() },
} as const;

export const ENTITY_EVENT_KINDS = [...ENTITY_KINDS, 'clock'] as const;
const limit = (max: number) => IntParam.pipe(z.number().int().min(1).max(max)).optional().meta({ description: `at most ${max}` });
export const MAX_EVENT_RANGE_MS = 31 * 86_400_000;

const entityRoutes = ENTITY_KINDS.flatMap((kind): RouteSpec[] => [
  {
    id: `list_${kind}`,
    method: 'get',
    path: `/${kind}`,
    summary: `All ${kind}, now or at a past moment, optionally filtered`,
    query: momentQuery(LIST_FILTERS[kind]),
    answers: { 'application/json': ENTITY_ANSWERS[kind].list },
  },
  {
    id: `get_${kind}`,
    method: 'get',
    path: `/${kind}/:id`,
    summary: `One of the ${kind} by id, now or at a past moment`,
    params: z.object({ id: z.string() }),
    query: momentQuery({}),
    answers: { 'application/json': ENTITY_ANSWERS[kind].one },
  },
]);

export const ROUTES: RouteSpec[] = [
  { id: 'state', method: 'get', path: '/state', summary: 'The whole picture, now or at a past moment', query: momentQuery({}), answers: { 'application/json': StateAnswer } },
  ...entityRoutes,
  {
    id: 'entityEvents',
    method: 'get',
    path: '/entities/:kind/:id/events',
    summary: 'Recent events about one entity, newest first, flagged late / out of order',
    params: z.object({ kind: z.enum(ENTITY_EVENT_KINDS), id: z.string() }),
    query: query({ limit: limit(500), beforeSeq: IntParam.optional() }),
    answers: { 'application/json': EntityEventsAnswer },
  },
  {
    id: 'events',
    method: 'get',
    path: '/events',
    summary: 'Events by server time range (at most 31 days), as JSON pages or one streamed CSV',
    query: query({
      from: TimeParam.optional().meta({ description: 'default: an hour before `to`' }),
      to: TimeParam.optional().meta({ description: 'default: now' }),
      format: z.enum(['json', 'csv']).optional(),
      limit: limit(5000),
      afterSeq: IntParam.optional(),
    }),
    answers: { 'application/json': EventsAnswer, 'text/csv': null },
  },
  { id: 'timeline', method: 'get', path: '/timeline', summary: 'Scenario time ↔ seq, for a time slider', query: query({ points: limit(2000) }), answers: { 'application/json': TimelineAnswer } },
  {
    id: 'export',
    method: 'get',
    path: '/export/:kind.:format',
    summary: 'Entities as GeoJSON or CSV (UTF-8 with BOM), now or at a past moment',
    params: z.object({ kind: z.enum(ENTITY_KINDS), format: z.enum(['geojson', 'csv']) }),
    query: momentQuery({}),
    answers: { 'application/geo+json': FeatureCollection, 'text/csv': null },
  },
  {
    id: 'importCells',
    method: 'post',
    path: '/import/cells',
    summary: 'Import grid cells from a GeoJSON FeatureCollection (max 8 MB)',
    description: `Polygon or MultiPolygon (first polygon) features. Property names, any case, \`_\`/\`-\`/\`.\` ignored: ${Object.entries(CELL_PROPERTY_ALIASES)
      .map(([k, names]) => `${k}: ${names.join(', ')}`)
      .join('; ')}. Valid cells are written, invalid ones reported; zero valid features is a 400 that writes nothing.`,
    query: query({ dryRun: z.enum(['1', '0', 'true', 'false']).optional(), source: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).optional().meta({ description: 'recorded in the actor, import:<source>' }) }),
    body: { types: ['application/geo+json', 'application/json'], description: 'GeoJSON FeatureCollection' },
    answers: { 'application/json': ImportAnswer },
  },
  { id: 'openapi', method: 'get', path: '/openapi.json', summary: 'This API as an OpenAPI 3.1 document', answers: { 'application/json': null } },
  { id: 'docs', method: 'get', path: '/docs', summary: 'This API as a readable page', answers: { 'text/html': null } },
];
