import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import pino from 'pino';
import { io as connect } from 'socket.io-client';
import { Commands, COMMAND_NAMES } from '../../shared/commands.js';
import { CreateUserRequest, IssueTokenRequest, RegisterDeviceRequest, SetupRequest, SignInRequest, UpdateUserRequest, WallSignInRequest } from '../../shared/auth.js';
import { startTestServer } from '../testing/liveServer.js';
import { createIngestRouters } from '../ingest/ingest.js';
import { importCells } from '../exchange/importCells.js';
import { fuzzPath, type FuzzPath, type PathStats } from './harness.js';
import { KNOWN_BUGS } from './knownBugs.js';
import { commandSocketPaths, openSockets, receiptPath, unknownEventPath, type FuzzSockets } from './socketPaths.js';
import { httpPaths, type HttpTarget } from './httpPaths.js';
import { osmandPath, owntracksPath, type TrackerTarget } from './trackerPaths.js';
import { adminDeletePath, auditPath, v1EntityPath, v1QueryPath } from './readPaths.js';
import { handshakePath } from './handshakePath.js';
import { OSMAND_DEVICE, OWNTRACKS, VALID_BODIES, VALID_COMMANDS, VALID_GRID } from './valid.js';

/**
 * Throws FUZZ_RUNS malformed payloads (spread over every inbound path) at one running server:
 * each must be refused with an error, and afterwards the picture, the event log and the registry
 * are as they were. `FUZZ_RUNS=100000 FUZZ_TIMEOUT_MS=900000 npx vitest run --project unit server/fuzz`
 * for the big run; FUZZ_SEED replays one; FUZZ_SHRINK=1 shrinks a failure; FUZZ_STRICT=1 fails on the
 * known bugs too (knownBugs.ts). Payloads the shared schema accepts are discarded and counted.
 *
 * Payloads also name a team, cell, checkpoint or task by a key every plain object has (`constructor`,
 * `__proto__`, `toString`…): the fuzzer found these accepted (the lookup found Object.prototype, the
 * fold then threw and a restart could not replay the log); EntityId now refuses them and lookups use
 * own properties. FUZZ_PHANTOM_IDS=0 leaves them out.
 */
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 3_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const PHANTOM_IDS = process.env.FUZZ_PHANTOM_IDS !== '0';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let sockets: FuzzSockets;
/** The server under test, read at call time: the paths are built before it starts. */
const target: HttpTarget & TrackerTarget & { readonly commanderToken: string } = {
  get url() { return server.url; },
  get state() { return server.ledger.state; },
  get asAdmin() { return server.asAdmin; },
  get asCommander() { return server.asCommander; },
  get registry() { return server.registry; },
  get commanderToken() { return server.commanderToken; },
  phantomIds: PHANTOM_IDS,
};

/** Paths have different input types; side by side, each is just a name and a run. */
const runner = <I,>(p: FuzzPath<I>) => ({ name: p.name, run: (n: number) => fuzzPath(p, n, { seed: SEED }) });
const PATHS = [
  ...commandSocketPaths(() => sockets, { phantomIds: PHANTOM_IDS }).map(runner),
  runner(unknownEventPath(() => sockets)),
  runner(receiptPath(() => sockets)),
  runner(handshakePath(target)),
  ...httpPaths(target).map(runner),
  runner(v1QueryPath(target)),
  runner(v1EntityPath(target)),
  runner(adminDeletePath(target)),
  runner(auditPath(target)),
  runner(osmandPath(target)),
  runner(owntracksPath(target)),
];

const PER_PATH = Math.max(1, Math.round(TOTAL_RUNS / PATHS.length));
const TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? Math.max(30_000, PER_PATH * 60));

/** Everything malformed input must not change. Tokens' lastUsedAt is bookkeeping of use, not a change. */
async function observable(s: Server) {
  return {
    state: structuredClone(s.ledger.state),
    events: await s.store.countEvents(),
    lastSeq: await s.store.lastSeq(),
    users: s.registry.accounts.list(),
    tokens: s.registry.tokens.list().map(({ lastUsedAt: _used, ...t }) => t),
    devices: s.registry.listDevices(),
  };
}
let before: Awaited<ReturnType<typeof observable>>;
const stats: PathStats[] = [];

beforeAll(async () => {
  const silent = pino({ level: 'silent' });
  server = await startTestServer({
    routers: ({ ledger, registry }) => createIngestRouters({ ledger, registry, log: silent }),
    rateLimits: { perIp: 1e9, perActor: 1e9, signInPerIp: 1e9 }, // the fuzzer must reach the parsers, not the limiter
  });
  server.registry.registerDevice({ deviceId: OSMAND_DEVICE, teamId: 't1', protocol: 'osmand' });
  server.registry.registerDevice({ deviceId: `${OWNTRACKS.user}/${OWNTRACKS.device}`, teamId: 't2', protocol: 'owntracks', secret: OWNTRACKS.secret });
  server.registry.registerDevice({ deviceId: 'bob/phone', teamId: 't2', protocol: 'owntracks' }); // no secret: MQTT only
  sockets = await openSockets(server.url, server.commanderToken, await server.signIn('t1'));
  before = await observable(server);
});

afterAll(async () => {
  sockets?.close();
  await server?.stop();
  report(stats);
});

function report(all: PathStats[]): void {
  if (all.length === 0) return;
  const kinds: Record<string, number> = {};
  for (const s of all) for (const [k, n] of Object.entries(s.kinds)) kinds[k] = (kinds[k] ?? 0) + n;
  const sum = (f: (s: PathStats) => number) => all.reduce((a, s) => a + f(s), 0);
  const rows = all.map((s) => `${s.name.padEnd(38)} ${String(s.sent).padStart(7)} ${String(s.discarded).padStart(9)} ${String(s.ms).padStart(8)} ${Object.values(s.knownBugs).reduce((a, n) => a + n, 0) || ''}`);
  console.log(
    [
      `fuzz: ${sum((s) => s.sent)} malformed payloads sent, ${sum((s) => s.discarded)} generated valid ones discarded, ${(sum((s) => s.ms) / 1000).toFixed(1)} s${SEED === undefined ? '' : `, seed ${SEED}`}${PHANTOM_IDS ? ', with phantom ids' : ''}`,
      `${'path'.padEnd(38)} ${'sent'.padStart(7)} ${'discarded'.padStart(9)} ${'ms'.padStart(8)} known-bug answers`,
      ...rows,
      `kinds: ${Object.entries(kinds).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`,
      ...KNOWN_BUGS.map((b) => `KNOWN BUG ${b.id}: ${sum((s) => s.knownBugs[b.id] ?? 0)} answers (${all.filter((s) => s.knownBugs[b.id]).map((s) => s.name).join(', ') || 'none'}): ${b.what}`),
    ].join('\n'),
  );
}

describe('every valid template is valid, so each mutation is a step away from valid', () => {
  test.each(COMMAND_NAMES)('%s', (name) => {
    fc.assert(fc.property(VALID_COMMANDS[name], (p) => Commands[name].safeParse(p).success), { numRuns: 50 });
  });
  test('request bodies and the grid', () => {
    const pairs = [[VALID_BODIES.signIn, SignInRequest], [VALID_BODIES.setup, SetupRequest], [VALID_BODIES.wall, WallSignInRequest], [VALID_BODIES.createUser, CreateUserRequest], [VALID_BODIES.updateUser, UpdateUserRequest], [VALID_BODIES.issueToken, IssueTokenRequest], [VALID_BODIES.registerDevice, RegisterDeviceRequest]] as const;
    for (const [arb, schema] of pairs) fc.assert(fc.property(arb, (b) => schema.safeParse(b).success), { numRuns: 50 });
    fc.assert(fc.property(VALID_GRID, (g) => importCells(g.features, { existing: () => undefined, now: Date.now() }).rejected.length === 0), { numRuns: 20 });
  });
});

describe(`fuzz: ${PER_PATH} malformed payloads at each of ${PATHS.length} inbound paths`, () => {
  test.each(PATHS)('refuses every one, and changes nothing: $name', async (path) => {
    stats.push(await path.run(PER_PATH));
    expect(await observable(server)).toEqual(before);
  }, TIMEOUT_MS);

  test('the server is still up, nothing changed, and no prototype was polluted', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', seq: before.lastSeq, counts: { events: before.events } });
    expect(await observable(server)).toEqual(before);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a socket message over the size limit closes that connection only; the server stays up', async () => {
    const big = connect(server.url, { auth: { token: server.commanderToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((r) => big.once('connect', () => r()));
    const closed = new Promise<string>((r) => big.once('disconnect', r));
    big.emit('position:report', { pad: 'x'.repeat(300 * 1024) });
    expect(await closed).toBe('transport close');
    const ack = await sockets.commander.timeout(5_000).emitWithAck('position:report', {});
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await observable(server)).toEqual(before);
  });
});
