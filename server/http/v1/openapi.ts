import { z } from 'zod';
import { Clock, DayTotals } from '../../../shared/entities.js';
import { ENTITY_ANSWERS, EntityEventsAnswer, ErrorAnswer, EventsAnswer, FeatureCollection, FlaggedEvent, ImportAnswer, LoggedEvent, PictureStateSchema, StateAnswer, TimelineAnswer } from './schemas.js';
import type { RouteSpec } from './routes.js';

type Json = Record<string, unknown>;

/** Named components, each generated from its zod schema; answers refer to them by `$ref`. */
function components(): { schemas: Record<string, Json>; names: Map<z.ZodType, string> } {
  const registry = z.registry<{ id: string }>();
  const named: [z.ZodType, string][] = [
    [Clock, 'Clock'],
    [DayTotals, 'DayTotals'],
    [PictureStateSchema, 'PictureState'],
    [StateAnswer, 'StateAnswer'],
    [LoggedEvent, 'LoggedEvent'],
    [FlaggedEvent, 'FlaggedEvent'],
    [EntityEventsAnswer, 'EntityEventsAnswer'],
    [EventsAnswer, 'EventsAnswer'],
    [TimelineAnswer, 'TimelineAnswer'],
    [ImportAnswer, 'ImportAnswer'],
    [FeatureCollection, 'FeatureCollection'],
    [ErrorAnswer, 'Error'],
    ...Object.values(ENTITY_ANSWERS).flatMap((a): [z.ZodType, string][] => [
      [a.entity, a.name],
      [a.list, `${a.name}List`],
      [a.one, `${a.name}Item`],
    ]),
  ];
  for (const [schema, id] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  const clean = Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, strip(s as Json)]));
  return { schemas: clean, names: new Map(named) };
}

/** OpenAPI's own schema dialect is 2020-12 already; `$schema`/`$id` on every component are noise. */
function strip({ $schema: _s, $id: _i, ...rest }: Json): Json {
  return rest;
}

function parameters(spec: RouteSpec): Json[] {
  const list = (where: 'path' | 'query', shape: z.ZodObject | undefined) =>
    Object.entries((shape?.shape ?? {}) as Record<string, z.ZodType>).map(([name, field]) => {
      const { description, ...schema } = strip(z.toJSONSchema(field, { io: 'input' }) as Json);
      return { name, in: where, required: where === 'path' || !field.safeParse(undefined).success, schema, ...(description ? { description } : {}) };
    });
  return [...list('path', spec.params), ...list('query', spec.query)];
}

const ERRORS = {
  '400': { description: 'Bad query, path or body, with the reason', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '404': { description: 'Unknown entity or route', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

/** `/export/:kind.:format` → `/export/{kind}.{format}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

/** The OpenAPI 3.1 document of /api/v1, generated from the route table and the shared zod schemas. */
export function buildOpenApi(routes: RouteSpec[], version: string): Json {
  const { schemas, names } = components();
  const schemaOf = (s: z.ZodType | null) => (s === null ? {} : names.has(s) ? { $ref: `#/components/schemas/${names.get(s)}` } : strip(z.toJSONSchema(s) as Json));
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const content = Object.fromEntries(Object.entries(r.answers).map(([type, s]) => [type, { schema: schemaOf(s) }]));
    paths[openApiPath(r.path)] = {
      ...paths[openApiPath(r.path)],
      [r.method]: {
        operationId: r.id,
        summary: r.summary,
        ...(r.description ? { description: r.description } : {}),
        parameters: parameters(r),
        ...(r.body ? { requestBody: { required: true, description: r.body.description, content: Object.fromEntries(r.body.types.map((t) => [t, { schema: { type: 'object' } }])) } } : {}),
        responses: { '200': { description: 'OK', content }, ...ERRORS },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'GridCommand API', version, description: 'Stable, versioned read, history, export and import API of GridCommand. Times are epoch ms unless said otherwise.' },
    servers: [{ url: '/api/v1' }],
    paths,
    components: { schemas },
  };
}
