import express, { type ErrorRequestHandler, type Router } from 'express';
import { HTTP_STATUS, type Health } from '../../shared/protocol.js';
import type { Ledger } from '../ledger/ledger.js';
import { reject } from '../commands/validate.js';
import { declareRoutes, mayCommand, principalOf, type RouteEntry } from '../auth/guard.js';
import { redactState } from '../live/redact.js';
import type { CellCatalogCache } from '../live/catalog.js';
import zlib from 'node:zlib';
import { promisify } from 'node:util';

const gunzip = promisify(zlib.gunzip);

export interface ApiDeps {
  ledger: Ledger;
  version: string;
  startedAt: number;
  clientCount: () => number;
  now: () => number;
  routes: RouteEntry[];
  /** The cells' static part (see shared/catalog.ts). */
  catalog: CellCatalogCache;
}

/** The HTTP API: health for monitors and load balancers, commands for clients that cannot hold a socket. */
export function createApiRouter(deps: ApiDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));
  const route = declareRoutes(router, '/api', deps.routes);

  route('get', '/health', 'health:read', async (_req, res, next) => {
    try {
      const { state, store } = deps.ledger;
      const health: Health = {
        status: 'ok',
        version: deps.version,
        uptimeS: Math.round((deps.now() - deps.startedAt) / 1000),
        store: { kind: store.kind, path: store.location },
        seq: state.seq,
        clients: deps.clientCount(),
        counts: {
          cells: Object.keys(state.cells).length,
          checkpoints: Object.keys(state.checkpoints).length,
          teams: Object.keys(state.teams).length,
          tasks: Object.keys(state.tasks).length,
          incidents: Object.keys(state.incidents).length,
          events: await store.countEvents(),
        },
      };
      res.set('Cache-Control', 'no-store').json(health);
    } catch (err) {
      next(err);
    }
  });

  route('get', '/snapshot', 'live:read', (_req, res) => {
    const state = principalOf(res).role === 'wall' ? redactState(deps.ledger.state) : deps.ledger.state;
    res.set('Cache-Control', 'no-store').json({ seq: state.seq, serverTime: deps.now(), state });
  });

  // Versioned by content, so a browser may keep it for good; a wall only ever gets the wall variant.
  route('get', '/live/catalog/:version/:variant.json', 'live:read', async (req, res, next) => {
    const variant = req.params.variant;
    if (variant !== 'full' && variant !== 'wall') return res.status(404).json(reject('unknown_entity', 'variant: full or wall'));
    if (variant === 'full' && principalOf(res).role === 'wall') return res.status(403).json(reject('forbidden', 'a wall gets the wall catalog'));
    const current = deps.catalog.version();
    if (req.params.version !== current) return res.status(404).set('Cache-Control', 'no-store').json(reject('unknown_entity', `catalog ${req.params.version} is not current (${current}): reload the picture`));
    try {
      const body = await deps.catalog.body(variant);
      res.set({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'private, max-age=31536000, immutable', ETag: `"${current}-${variant}"`, Vary: 'Accept-Encoding' });
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return res.set('Content-Encoding', 'gzip').send(body);
      res.send(await gunzip(body));
    } catch (err) {
      next(err);
    }
  });

  // Same pipeline as the socket: parse → persist → ack. 200 only once the report is durable.
  route('post', '/commands/:name', 'command', async (req, res, next) => {
    try {
      const name = req.params.name ?? '';
      const principal = principalOf(res);
      const ack = mayCommand(principal, name) ?? (await deps.ledger.submit(name, req.body, principal.actor));
      const status = ack.ok ? 200 : HTTP_STATUS[ack.error.code];
      res.status(status).json(ack);
    } catch (err) {
      next(err);
    }
  });

  router.use((_req, res) => {
    res.status(404).json(reject('unknown_event', 'no such API route'));
  });
  router.use(apiErrors);
  return router;
}

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);

/**
 * Body-parser, path-decoding and other errors as the same JSON shape as every other rejection, for
 * every route of the app (app.ts mounts it last): never Express's HTML page with a stack trace.
 */
export const apiErrors: ErrorRequestHandler = (err: { status?: number; statusCode?: number; type?: string; message?: string; limit?: number }, _req, res, _next) => {
  if (res.headersSent) return void res.destroy();
  const given = err.status ?? err.statusCode;
  const status = given && given >= 400 && given < 500 ? given : 500;
  const message =
    err.type === 'entity.too.large'
      ? `request body too large (max ${err.limit ? sizeOf(err.limit) : 'the limit'})`
      : err.type === 'entity.parse.failed'
        ? 'request body is not valid JSON'
        : status === 415
          ? 'unsupported body encoding or charset: send UTF-8 JSON'
          : status === 500
            ? 'internal error'
            : err.message && /^Failed to decode param/.test(err.message)
              ? 'malformed %-encoding in the path'
              : 'bad request';
  res.status(status).json(reject(status === 500 ? 'internal' : 'invalid', message));
};
