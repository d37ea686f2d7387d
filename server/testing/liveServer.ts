import { io as connect, type Socket } from 'socket.io-client';
import pino, { type Logger } from 'pino';
import type { AddressInfo } from 'node:net';
import type { ClientToServerEvents, FieldState, HandshakeAuth, ServerToClientEvents } from '../../shared/protocol.js';
import type { WireDelta as Delta, WireSnapshot as Snapshot } from '../../shared/catalog.js';
import { openSnapshotSync } from './packed.js';
import { createApp, type App } from '../app.js';
import { Ledger } from '../ledger/ledger.js';
import { pacedCommitIntervalMs } from '../live/broadcaster.js';
import { seedLedger } from '../ledger/seed.js';
import { createSeed } from './fixtures.js';
import { createTempStore } from './tempStore.js';
import { Registry } from '../auth/registry.js';
import { authorizeCommand } from '../auth/scope.js';
import path from 'node:path';
import type { Router } from 'express';
import type { RateLimitConfig } from '../http/rateLimit.js';
import { prepareFirstAdmin } from '../auth/bootstrap.js';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents> & {
  /** Every snapshot and delta received, in order. */
  received: ({ kind: 'snapshot'; msg: Snapshot } | { kind: 'delta'; msg: Delta })[];
  fieldStates: FieldState[];
};

export interface TestServerOptions {
  /** Tracker routers by mount path, built from the server's own ledger and registry. */
  routers?: (deps: { ledger: Ledger; registry: Registry }) => Record<string, Router>;
  /** @default generous limits so tests measure behaviour, not the limiter */
  rateLimits?: RateLimitConfig;
  /** No account yet: the first admin is made with `setupCode`, as on a first start. */
  firstRun?: boolean;
  /** How often open sockets re-check their credentials. */
  recheckMs?: number;
  /** When a screen whose receipts lag is dropped from the broadcast. */
  stallMs?: number;
  /** @default silent */
  log?: Logger;
  /** Run the broadcaster's own timer at this tick, its commits paced as in server/index.ts. @default ticks are driven by the test */
  tickMs?: number;
}

/**
 * A real server on an ephemeral port with a real SQLite log, seeded with the fixture world.
 * Ticks are driven by the test (`tick()`) so coalescing is deterministic.
 */
export async function startTestServer(opts: TestServerOptions = {}) {
  const tmp = createTempStore();
  const paced = opts.tickMs === undefined ? {} : { commitIntervalMs: pacedCommitIntervalMs(opts.tickMs) };
  const ledger = new Ledger({ store: tmp.store, authorize: authorizeCommand, ...paced });
  await seedLedger(ledger, createSeed(), Date.now());
  const registry = new Registry(path.join(path.dirname(tmp.file), 'registry.sqlite'));
  const routers = opts.routers?.({ ledger, registry });
  const rateLimits = opts.rateLimits ?? { perIp: 1_000_000, perActor: 1_000_000, signInPerIp: 1_000 };
  let setupCode = '';
  const printed = pino({ level: 'warn' }, { write: (line: string) => void (setupCode = /setup code: (\S+)"/.exec(line)?.[1] ?? setupCode) });
  const setup = opts.firstRun ? await prepareFirstAdmin(registry, {}, printed) : undefined;
  const app: App = createApp({ ledger, registry, setup, log: opts.log ?? pino({ level: 'silent' }), version: 'test', tickMs: opts.tickMs ?? 3_600_000, deviceRouters: routers, rateLimits, recheckMs: opts.recheckMs, readers: opts.stallMs === undefined ? undefined : { stallMs: opts.stallMs } });
  /** A commander's token: what tests use unless they test who may do what. */
  const commanderToken = registry.tokens.issue({ kind: 'service', role: 'commander', label: 'tests', createdBy: 'test' }).token;
  /** Headers for HTTP calls as a commander. */
  const asCommander = { authorization: `Bearer ${commanderToken}` };
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const clients: TestClient[] = [];
  if (!opts.firstRun) await registry.accounts.create({ username: 'admin', displayName: 'Admin', role: 'admin', password: 'test-admin-password' });
  const asAdmin = { cookie: `gc_session=${registry.accounts.openSession('user', 'admin')}` };
  /** fetch() against this server as the admin (pass your own cookie/authorization header to be someone else). */
  const api = (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers: { ...asAdmin, ...(init.headers as Record<string, string> | undefined) } });

  /** A socket as a commander, unless `auth` brings its own token or `cookie` a session. */
  async function client(handshake: HandshakeAuth = {}, cookie?: string): Promise<TestClient> {
    const extraHeaders = cookie ? { cookie } : undefined;
    const auth = cookie || handshake.token || handshake.role === 'field' ? handshake : { ...handshake, token: commanderToken };
    const socket = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders }) as TestClient;
    socket.received = [];
    socket.fieldStates = [];
    socket.on('field:state', (msg) => socket.fieldStates.push(msg));
    socket.on('state:snapshot', (msg) => socket.received.push({ kind: 'snapshot', msg: openSnapshotSync(msg) }));
    socket.on('state:delta', (msg) => socket.received.push({ kind: 'delta', msg }));
    clients.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  /** Runs one broadcast tick and waits until every connected client has had time to receive it. */
  async function tick(): Promise<void> {
    await ledger.drain();
    app.broadcaster.tick();
    await new Promise((r) => setTimeout(r, 60));
  }

  async function stop(): Promise<void> {
    for (const c of clients) c.disconnect();
    await app.close();
    registry.close();
    await tmp.cleanup();
  }

  /** Signs a team in with a freshly issued code; returns the session cookie. */
  async function signIn(teamId: string): Promise<string> {
    const res = await fetch(`${url}/api/field/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: registry.issueTeamCode(teamId) }),
    });
    if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }

  return { url, ledger, app, registry, store: tmp.store, client, tick, stop, signIn, commanderToken, asCommander, asAdmin, api, setupCode };
}
