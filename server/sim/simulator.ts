import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';
import { realStamper, type SimCommand } from './commands.js';
import { createSimContext } from './context.js';
import { Outbox } from './outbox.js';
import { createSimState, planTick } from './plan.js';
import type { SimState } from './state.js';
import { applyDelta, worldFromSnapshot } from './world.js';
import { createCatalogFeed, fetchCatalog } from '../../shared/catalogFeed.js';
import type { Delta, Snapshot } from '../../shared/protocol.js';
import { yieldTeamsTakenOver } from './teamsPlan.js';

type SimSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SimulatorOptions {
  /** Server base URL, e.g. http://127.0.0.1:8080. */
  url: string;
  /** A service token with commander rights (server/index.ts issues an in-memory one). */
  token: string;
  /** Scenario seconds per real second. */
  speed: number;
  /** First scenario date, YYYY-MM-DD (Asia/Shanghai). */
  start: string;
  seed: number;
  /** The repo's `data/` folder. */
  dataDir: string;
  logger: Logger;
}

const ACK_TIMEOUT_MS = 10_000;
const TICK_MS = 1000;
const FIRST_SNAPSHOT_WAIT_MS = 15_000;

type AckCallback = (err: Error | null, ack: Ack) => void;

/**
 * socket.io checks `emit` per literal event name, and a (name, payload) union cannot be checked
 * against that in one call (TypeScript correlated unions, microsoft/TypeScript#30581). A switch
 * narrows each case, so every payload is type-checked without a cast.
 */
function emitCommand(socket: SimSocket, c: SimCommand, cb: AckCallback): void {
  const t = socket.timeout(ACK_TIMEOUT_MS);
  switch (c.name) {
    case 'position:report': return void t.emit(c.name, c.payload, cb);
    case 'incident:create': return void t.emit(c.name, c.payload, cb);
    case 'checkpoint:tally': return void t.emit(c.name, c.payload, cb);
    case 'checkpoint:setStatus': return void t.emit(c.name, c.payload, cb);
    case 'cell:report': return void t.emit(c.name, c.payload, cb);
    case 'cell:visit': return void t.emit(c.name, c.payload, cb);
    case 'team:setStatus': return void t.emit(c.name, c.payload, cb);
    case 'task:setStatus': return void t.emit(c.name, c.payload, cb);
    case 'task:acknowledge': return void t.emit(c.name, c.payload, cb);
    case 'task:complete': return void t.emit(c.name, c.payload, cb);
    case 'supply:deliver': return void t.emit(c.name, c.payload, cb);
    case 'clock:set': return void t.emit(c.name, c.payload, cb);
    default: {
      const unhandled: never = c;
      throw new Error(`no emitter for ${JSON.stringify(unhandled)}`);
    }
  }
}

function send(socket: SimSocket, c: SimCommand): Promise<Ack> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return reject(new Error('offline'));
    emitCommand(socket, c, (err, ack) => (err ? reject(err) : resolve(ack)));
  });
}

/**
 * The simulator is the first client, not a back door: it connects like a phone, learns the world
 * from `state:snapshot` / `state:delta`, and changes it only through the commands of the contract.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<{ stop(): Promise<void> }> {
  const { logger } = opts;
  const socket: SimSocket = io(opts.url, { auth: { device: 'simulator', token: opts.token }, transports: ['websocket'], reconnectionDelayMax: 5000 });
  const outbox = new Outbox({
    transport: (c) => send(socket, c),
    maxInFlight: 200,
    onRejected: (c, error) => logger.warn({ command: c.name, error: error.message, issues: error.issues }, 'simulator command rejected'),
  });
  let state: SimState | null = null;
  let ready: () => void = () => {};
  const firstSnapshot = new Promise<void>((resolve) => (ready = resolve));

  socket.on('connect', () => outbox.setOnline(true));
  socket.on('disconnect', (reason) => {
    outbox.setOnline(false);
    logger.info({ reason }, 'simulator disconnected; queued reports wait for the reconnect');
  });
  // Cells arrive as their live part; the catalog (fetched with the same token) completes them.
  const feed = createCatalogFeed({
    fetchCatalog: (ref) => fetchCatalog(opts.url, ref, { headers: { authorization: `Bearer ${opts.token}` } }),
    onSnapshot: (snapshot) => onSnapshot(snapshot),
    onDelta: (delta) => onDelta(delta),
    onError: (err) => {
      logger.warn({ err }, 'simulator could not complete the picture; reconnecting for a fresh one');
      socket.disconnect().connect();
    },
  });
  socket.on('state:snapshot', (wire) => feed.snapshot(wire));
  socket.on('state:delta', (wire) => feed.delta(wire));
  const onSnapshot = (snapshot: Snapshot) => {
    const world = worldFromSnapshot(snapshot);
    if (state) {
      state.world = world;
      return;
    }
    const t0 = Date.now();
    const ctx = createSimContext({ dataDir: opts.dataDir, seed: opts.seed, speed: opts.speed, cells: [...world.cells.values()] });
    state = createSimState(ctx, world, { start: opts.start, realNowMs: Date.now(), stamp: realStamper(), newId: () => `INC-${randomUUID().slice(0, 13)}` });
    // Fixes already in the picture (from an earlier run) are not a takeover by a real device.
    for (const team of world.teams.values()) if (team.reportedAt !== null) state.lastFix.set(team.id, team.reportedAt);
    logger.info({ teams: world.teams.size, cells: world.cells.size, resumedFrom: world.clock?.scenarioTime ?? null, ms: Date.now() - t0 }, 'simulator started');
    ready();
  };
  const onDelta = (delta: Delta) => {
    if (!state) return;
    applyDelta(state.world, delta);
    const taken = yieldTeamsTakenOver(state, delta.teams ?? []);
    if (taken.length) logger.info({ teams: taken }, 'a real device reports for these teams; the simulator stops moving them');
  };

  const timer = setInterval(() => {
    if (!state || !socket.connected) return;
    for (const p of planTick(state, Date.now())) outbox.push(p.command, p.key ?? null);
  }, TICK_MS);

  const waited = await Promise.race([firstSnapshot.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), FIRST_SNAPSHOT_WAIT_MS).unref())]);
  if (!waited) logger.warn({ url: opts.url }, 'simulator has no snapshot yet; it keeps trying in the background');

  return {
    async stop() {
      clearInterval(timer);
      outbox.setOnline(false);
      socket.disconnect();
      logger.info({ ...outbox.stats, unsent: outbox.pending }, 'simulator stopped');
    },
  };
}
