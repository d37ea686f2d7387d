import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { reject } from '../commands/validate.js';
import type { ErrorCode } from '../../shared/protocol.js';
import { field, jsonDeviceId, parseOsmAndJson, parseOsmAndQuery } from './osmandParse.js';
import { logRefusedDevice, statusOf, submitFix, type IngestDeps } from './submit.js';

/** Bodies larger than this are refused with 413: a fix is a few hundred bytes. */
export const INGEST_BODY_LIMIT = '16kb';

type Input = { json: true; body: unknown } | { json: false; params: URLSearchParams };

/** The query string, else a form body, else a JSON body (what Traccar's decoder accepts). */
function readInput(req: Request): Input | string {
  const body = typeof req.body === 'string' ? req.body : '';
  if (req.is('application/json')) {
    try {
      return { json: true, body: JSON.parse(body) as unknown };
    } catch {
      return 'request body is not valid JSON';
    }
  }
  const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  return { json: false, params: query.size > 0 ? query : new URLSearchParams(body) };
}

const CODES: Partial<Record<number, ErrorCode>> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'unknown_entity', 429: 'rate_limited', 503: 'unavailable' };

/** Errors as plain text for the query form (read by people with curl), the usual JSON shape for JSON. */
function refuse(res: Response, json: boolean, status: number, message: string): void {
  // Any other 4xx (400, 413, 415 for an unknown charset or encoding) is the sender's mistake, never `internal`.
  const code = CODES[status] ?? (status < 500 ? 'invalid' : 'internal');
  if (json) res.status(status).json(reject(code, message));
  else res.status(status).type('text').send(`${message}\n`);
}

/**
 * The OsmAnd protocol (Traccar Client, OsmAnd, many GPS trackers): GET or POST, query string, form
 * or JSON. 200 once the fix is durable. An unknown device gets 400 (query) or 404 (JSON), as from
 * Traccar; the apps only look at the status.
 */
export function createOsmAndRouter(deps: IngestDeps): Router {
  const now = deps.now ?? Date.now;
  const router = express.Router();
  router.use(express.text({ type: () => true, limit: INGEST_BODY_LIMIT }));

  router.all('/', async (req, res, next) => {
    try {
      if (req.method !== 'GET' && req.method !== 'POST') return void res.status(405).set('Allow', 'GET, POST').end();
      const input = readInput(req);
      if (typeof input === 'string') return refuse(res, true, 400, input);
      const deviceId = (input.json ? jsonDeviceId(input.body) : field(input.params, 'id', 'deviceid'))?.trim();
      if (!deviceId) return refuse(res, input.json, 400, `${input.json ? 'device_id' : 'id'} is required (the device identifier)`);
      const teamId = deps.registry.deviceTeam(deviceId, 'osmand');
      if (!teamId) {
        logRefusedDevice(deps.log, deviceId, 'osmand', req.ip);
        return refuse(res, input.json, input.json ? 404 : 400, 'unknown device: ask an administrator to register it');
      }
      const parsed = input.json ? parseOsmAndJson(input.body, now()) : parseOsmAndQuery(input.params, now());
      if (!parsed.ok) return refuse(res, input.json, 400, parsed.reason);
      const ack = await submitFix(deps, parsed.value, teamId, 'osmand');
      if (ack.ok) return void res.status(200).end();
      refuse(res, input.json, statusOf(ack), ack.error.message);
    } catch (err) {
      next(err);
    }
  });
  router.use(bodyErrors(deps));
  return router;
}

/** Body-parser errors (too large, bad encoding) answered in the request's own form. */
function bodyErrors(deps: IngestDeps): ErrorRequestHandler {
  return (err: { status?: number; type?: string }, req, res, _next) => {
    const json = Boolean(req.is('application/json'));
    if (err.type === 'entity.too.large') return refuse(res, json, 413, `request body too large (max ${INGEST_BODY_LIMIT})`);
    if (err.status && err.status >= 400 && err.status < 500) return refuse(res, json, err.status, 'unreadable request body');
    deps.log.error({ err }, 'tracker ingest failed');
    res.status(500).type('text').send('internal error\n');
  };
}

/** Serves the OsmAnd protocol at `/` on its own port, so an unmodified Traccar Client can use `http://host:5055`. */
export async function startOsmAndServer(opts: IngestDeps & { port: number; host?: string }): Promise<{ port: number; close(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  // Its own port, so the main app's per-address limit does not cover it: the same budget here.
  if (opts.addressLimit) {
    const limit = opts.addressLimit;
    app.use((req, res, next) => {
      limit(req.ip ?? 'unknown').then((no) => (no ? void res.status(429).set('Retry-After', '10').type('text').send(no.error.message) : next()), next);
    });
  }
  app.use('/', createOsmAndRouter(opts));
  const server = http.createServer(app);
  await new Promise<void>((resolve, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  opts.log.info({ port }, 'OsmAnd / Traccar Client protocol listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
