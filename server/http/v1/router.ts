import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { ENTITY_KINDS } from '../../../shared/entities.js';
import { reject } from '../../commands/validate.js';
import { StateCache } from '../../history/timeTravel.js';
import { pictureFor, type Handler, type V1Deps } from './context.js';
import { buildOpenApi } from './openapi.js';
import { docsPage } from './docsPage.js';
import { ROUTES, type RouteId } from './routes.js';
import { BadQuery, parseInput } from './query.js';
import { exportEntities, getEntity, getState, listEntities } from './handlers/picture.js';
import { entityEvents, events, getTimeline } from './handlers/history.js';
import { importCellsHandler } from './handlers/importCells.js';
import { apiErrors } from '../api.js';
import { declareRoutes, type Access, type RouteEntry } from '../../auth/guard.js';

export type { V1Deps } from './context.js';

/** Who may call each route: reading the log and the past is for analysts and up, replacing the grid for admins. */
const ACCESS: Record<RouteId, Access> = {
  state: 'history:read',
  ...(Object.fromEntries(ENTITY_KINDS.flatMap((k) => [[`list_${k}`, 'history:read'], [`get_${k}`, 'history:read']])) as Record<`list_${(typeof ENTITY_KINDS)[number]}` | `get_${(typeof ENTITY_KINDS)[number]}`, Access>),
  entityEvents: 'history:read',
  events: 'history:read',
  timeline: 'history:read',
  export: 'history:read',
  importCells: 'grid:import',
  openapi: 'public',
  docs: 'public',
};

/** Large enough for the official grid of a city (~5,000 polygons), small enough to refuse a mistake early. */
const IMPORT_BODY_LIMIT = '8mb';

/**
 * The stable, versioned HTTP API: the picture now or at any past moment, entity history, events,
 * export and import, and its own OpenAPI document. Every route comes from ROUTES, which the document
 * is generated from too, so the two cannot drift. Mount at `/api/v1`, before the `/api` router.
 */
export function createV1Router(deps: V1Deps & { routes?: RouteEntry[] }): Router {
  const now = deps.now ?? Date.now;
  const cache = deps.cache ?? new StateCache();
  const openapi = buildOpenApi(ROUTES, deps.version ?? '1');
  const docs = docsPage(openapi);
  const handlers: Record<RouteId, Handler> = {
    state: getState,
    ...(Object.fromEntries(ENTITY_KINDS.flatMap((k) => [[`list_${k}`, listEntities(k)], [`get_${k}`, getEntity(k)]])) as Record<`list_${(typeof ENTITY_KINDS)[number]}` | `get_${(typeof ENTITY_KINDS)[number]}`, Handler>),
    entityEvents,
    events,
    timeline: getTimeline,
    export: exportEntities,
    importCells: importCellsHandler,
    openapi: ({ res }) => void res.json(openapi),
    docs: ({ res }) => void res.type('html').send(docs),
  };

  const router = express.Router();
  const route = declareRoutes(router, '/api/v1', deps.routes ?? []);
  for (const spec of ROUTES) {
    const body: RequestHandler[] = spec.body ? [express.json({ limit: IMPORT_BODY_LIMIT, type: spec.body.types })] : [];
    route(spec.method, spec.path, ACCESS[spec.id], ...body, async (req, res, next) => {
      try {
        const params = spec.params ? (parseInput(spec.params, req.params, 'path') as Record<string, string>) : {};
        const query = spec.query ? (parseInput(spec.query, req.query, 'query') as Record<string, unknown>) : {};
        res.set('Cache-Control', 'no-store');
        await handlers[spec.id]({ req, res, params, query, ledger: deps.ledger, now, picture: () => pictureFor(query, deps.ledger, now, cache) });
      } catch (err) {
        next(err);
      }
    });
  }
  router.use((_req, res) => void res.status(404).json(reject('unknown_event', 'no such API route; see /api/v1/docs')));
  router.use(v1Errors);
  return router;
}

/** Bad queries are ours; everything else (bodies, encodings, a CSV cut half-way) is the app's one JSON error handler. */
const v1Errors: ErrorRequestHandler = (err, req, res, next) => {
  if (err instanceof BadQuery && !res.headersSent) return void res.status(400).json(reject('invalid', err.message));
  apiErrors(err, req, res, next);
};
