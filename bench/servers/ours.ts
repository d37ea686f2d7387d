import type http from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from '../../server/auth/registry.js';
import type { Ledger } from '../../server/ledger/ledger.js';
import { createApp } from '../../server/app.js';
import { createIngestRouters } from '../../server/ingest/ingest.js';

/** What the server child needs from either design. */
export interface BenchApp {
  server: http.Server;
  clients(): number;
  close(): Promise<void>;
}

/** The production server exactly as `server/index.ts` composes it, minus basemap, simulator and static files. */
export function startOurs(deps: { ledger: Ledger; registry: Registry; log: Logger; tickMs?: number }): BenchApp {
  const ingest = createIngestRouters({ ledger: deps.ledger, registry: deps.registry, log: deps.log });
  // The load comes from one address and a few principals: limits far above W so they never bite here.
  const rateLimits = { perIp: 1e9, perActor: 1e9, signInPerIp: 1e9 };
  const app = createApp({ ledger: deps.ledger, registry: deps.registry, log: deps.log, version: 'bench', tickMs: deps.tickMs, deviceRouters: ingest, rateLimits });
  return { server: app.server, clients: () => app.io.engine.clientsCount, close: () => app.close() };
}
