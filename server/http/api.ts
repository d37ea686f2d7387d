import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Health } from '../../shared/protocol.js';
import type { Ledger } from '../ledger/ledger.js';
import { reject } from '../commands/validate.js';

export interface ApiDeps {
  ledger: Ledger;
  version: string;
  startedAt: number;
  clientCount: () => number;
  now: () => number;
  /** Who is sending an HTTP command (a signed-in team, or the caller's address). */
  actorFor: (req: express.Request) => string;
}

/** The HTTP API: health for monitors and load balancers, commands for clients that cannot hold a socket. */
export function createApiRouter(deps: ApiDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', async (_req, res, next) => {
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

  router.get('/snapshot', (_req, res) => {
    const state = deps.ledger.state;
    res.set('Cache-Control', 'no-store').json({ seq: state.seq, serverTime: deps.now(), state });
  });

  // Same pipeline as the socket: parse → persist → ack. 200 only once the report is durable.
  router.post('/commands/:name', async (req, res, next) => {
    try {
      const ack = await deps.ledger.submit(req.params.name ?? '', req.body, deps.actorFor(req));
      const status = ack.ok ? 200 : { invalid: 400, unknown_entity: 404, unknown_event: 404, forbidden: 403, unavailable: 503, internal: 500 }[ack.error.code];
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

/** Body-parser and other errors as the same JSON shape as every other rejection. */
const apiErrors: ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, _next) => {
  const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
  const message =
    err.type === 'entity.too.large' ? 'request body too large (max 64 KB)' : err.type === 'entity.parse.failed' ? 'request body is not valid JSON' : status === 500 ? 'internal error' : (err.message ?? 'bad request');
  res.status(status).json(reject(status === 500 ? 'internal' : 'invalid', message));
};
