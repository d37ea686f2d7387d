import express, { type Router } from 'express';
import compression from 'compression';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol.js';
import type { Ledger } from './ledger/ledger.js';
import { Broadcaster } from './live/broadcaster.js';
import type { ReaderOptions } from './live/readers.js';
import { attachLive } from './live/connection.js';
import { apiErrors, createApiRouter } from './http/api.js';
import { securityHeaders } from './http/security.js';
import { createFieldRouter } from './http/field.js';
import { createV1Router } from './http/v1/router.js';
import { createAuthRouter } from './http/auth.js';
import { createAdminRouter } from './http/admin.js';
import { createRateLimits, DEFAULT_RATE_LIMITS, type RateLimitConfig } from './http/rateLimit.js';
import type { Registry } from './auth/registry.js';
import { authenticate } from './auth/principal.js';
import { NO_SETUP, type SetupGate } from './auth/bootstrap.js';
import type { RouteEntry } from './auth/guard.js';

export interface AppDeps {
  ledger: Ledger;
  log: Logger;
  version: string;
  /** Broadcast tick in ms. @default 50 */
  tickMs?: number;
  /** Built client to serve (dist/client); omitted in API-only tests. */
  clientDir?: string;
  /** Accounts, sessions, tokens, team codes, devices and the access audit. */
  registry: Registry;
  /** The first-admin setup code gate (server/index.ts prepares it). @default none: setup closed */
  setup?: SetupGate;
  /** Per-address and per-principal limits. @default DEFAULT_RATE_LIMITS */
  rateLimits?: RateLimitConfig;
  /** Set the Secure flag on session cookies (serve over HTTPS). @default false */
  secureCookies?: boolean;
  /** How often open sockets re-check their credential. @default 30 s */
  recheckMs?: number;
  /** When a live screen whose receipts lag is dropped from the broadcast. @default 5 s */
  readers?: ReaderOptions;
  /** Tracker protocol routers by mount path: they authenticate the device themselves. */
  deviceRouters?: Record<string, Router>;
  /** Origins a custom basemap loads from, allowed by the Content-Security-Policy. */
  cspOrigins?: string[];
  /** Extra public routers by mount path, e.g. `/basemap` (no data of the picture). */
  routers?: Record<string, Router>;
  now?: () => number;
}

export interface App {
  server: http.Server;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  broadcaster: Broadcaster;
  /** Every HTTP route with the access it needs (what the authorization matrix test walks). */
  routes: RouteEntry[];
  /** Stops ticking, closes sockets and the HTTP server (not the store). */
  close(): Promise<void>;
}

/** Builds the whole server — HTTP API, Socket.IO, static client — without listening. */
export function createApp(deps: AppDeps): App {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const app = express();
  app.disable('x-powered-by');
  const registry = deps.registry;
  const limits = createRateLimits(deps.rateLimits ?? DEFAULT_RATE_LIMITS);
  const routes: RouteEntry[] = [];
  app.use(limits.perIp);
  app.use(securityHeaders(deps.cspOrigins));
  const server = http.createServer(app);
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, {
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    perMessageDeflate: false, // compressing per socket costs more CPU than it saves (PERFORMANCE.md)
    // A page on another site must not ride a signed-in browser's cookie onto the live socket.
    allowRequest: (req, done) => done(null, sameOrigin(req.headers.origin, req.headers.host)),
  });
  // Each session keeps its first HTTP request (~30 KB); keep only what the handshake reads from it.
  io.engine.on('connection', (raw: { request: http.IncomingMessage & { _query?: unknown } }) => {
    const r = raw.request;
    raw.request = {
      headers: { cookie: r.headers.cookie, 'user-agent': r.headers['user-agent'] },
      connection: { remoteAddress: r.socket?.remoteAddress, encrypted: false },
      url: r.url,
      _query: r._query,
    } as unknown as typeof r;
  });

  const broadcaster = new Broadcaster(io, deps.ledger, { tickMs: deps.tickMs, now, readers: deps.readers });
  const live = attachLive({ io, ledger: deps.ledger, broadcaster, log: deps.log, registry, limits, recheckMs: deps.recheckMs });

  // Public files (the built client, the basemap) and the tracker protocols, which authenticate the
  // device from what it sends, come before sessions are looked up: a map loading tiles or a page its
  // chunks spends no one's per-principal budget and no registry lookups.
  for (const [mount, router] of Object.entries(deps.deviceRouters ?? {})) {
    routes.push({ method: 'post', path: mount, access: 'device' });
    app.use(mount, router);
  }
  // A past picture is ~4 MB of JSON and the wall's bundle 2.3 MB: gzip makes both ~6× smaller for
  // laptops and walls on a busy LAN. Socket.IO traffic does not pass through Express, nor do the
  // trackers' one-line answers above: what compression hangs on each of those requests outlived it
  // into V8's old generation (50 fixes/s over HTTP promoted ~0.7 MB/s, docs/benchmarks.md).
  app.use(compression());
  for (const [mount, router] of Object.entries(deps.routers ?? {})) {
    routes.push({ method: 'get', path: mount, access: 'public' });
    app.use(mount, router);
  }
  if (deps.clientDir) serveClient(app, deps.clientDir);

  // Who is calling, once per request: the phone API reads only the field cookie (or a device token).
  app.use((req, res, next) => {
    const fieldOnly = req.path.startsWith('/api/field');
    res.locals.principal = authenticate(registry, { cookie: req.headers.cookie, authorization: req.headers.authorization, fieldOnly });
    next();
  });
  app.use(limits.perActor);
  const secureCookies = deps.secureCookies ?? false;
  app.use('/api/auth', createAuthRouter({ registry, setup: deps.setup ?? NO_SETUP, limits, routes, secureCookies }));
  app.use('/api/admin', createAdminRouter({ registry, ledger: deps.ledger, routes }));
  app.use('/api/field', createFieldRouter({ ledger: deps.ledger, registry, now, limits, routes, secureCookies }));
  app.use('/api/v1', createV1Router({ ledger: deps.ledger, now, version: deps.version, routes })); // before /api, whose 404 would catch it
  app.use('/api', createApiRouter({ ledger: deps.ledger, version: deps.version, startedAt, now, routes, catalog: broadcaster.catalog, clientCount: () => io.engine.clientsCount }));
  app.use(apiErrors);
  broadcaster.start();
  // The catalog's bodies are gzipped before the first screen asks, not in the middle of a join storm.
  setImmediate(() => broadcaster.catalog.warm());

  return {
    server,
    io,
    broadcaster,
    routes,
    async close() {
      live.close();
      broadcaster.stop();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}

/** Browsers send Origin; programs and devices do not. A browser's must be this server. */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Static files from the Vite build, with every page route answered by index.html. */
function serveClient(app: express.Express, dir: string): void {
  const index = path.join(dir, 'index.html');
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.get(['/', '/wall', '/console', '/field', '/admin'], (_req, res) => {
    if (!fs.existsSync(index)) return res.status(503).type('text').send('Client not built: run `npm run build`.');
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
}
