import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { tuneHeap } from './heap.js';
import { createLogger } from './log.js';
import { openSqliteStore } from './store/sqliteStore.js';
import { observeCommits, slowCommitWarner } from './store/commitTimes.js';
import { Ledger } from './ledger/ledger.js';
import { pacedCommitIntervalMs } from './live/broadcaster.js';
import { Registry } from './auth/registry.js';
import { authorizeCommand } from './auth/scope.js';
import { seedLedger } from './ledger/seed.js';
import { createApp } from './app.js';
import { basemapOrigins } from './http/security.js';
import { createBasemapRouter } from './basemap/router.js';
import { buildScenario } from './scenario/buildScenario.js';
import { startSimulator } from './sim/simulator.js';
import { createIngestRouters, startIngestListeners } from './ingest/ingest.js';
import { prepareFirstAdmin } from './auth/bootstrap.js';
import { limiter } from './http/rateLimit.js';

// Composition root: read config, build dependencies, listen. Nothing else lives here.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = loadConfig(process.env, root);
tuneHeap(config.heapGrowingPercent);
const log = createLogger(config.logLevel);
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

const store = openSqliteStore(path.join(config.dataDir, 'gridcommand.sqlite'), {
  checkpoints: { onError: (err) => log.warn({ err }, 'WAL checkpoint failed; nothing is lost, the next one retries') },
});
observeCommits(store, slowCommitWarner(config.slowCommitMs, (slow) => log.warn({ ...slow, store: store.location }, 'slow commit: the disk held the event log; those reports were acknowledged only when it ended')));
const registry = new Registry(path.join(config.dataDir, 'registry.sqlite'));
const ledger = new Ledger({
  store,
  snapshotEvery: config.snapshotEvery,
  // The broadcast tick starts each commit (Broadcaster.start): one fsync per tick.
  commitIntervalMs: pacedCommitIntervalMs(config.tickMs),
  authorize: authorizeCommand,
  onError: (err) => log.error({ err }, 'event log write failed'),
});
const t0 = Date.now();
const loaded = await ledger.load();
log.info({ ...loaded, seq: ledger.state.seq, ms: Date.now() - t0, store: store.location }, 'state rebuilt from the event log');

if (ledger.state.seq === 0 && config.demo) {
  const scenario = buildScenario({ dataDir: config.staticDataDir, seed: config.scenario.seed, now: Date.now() });
  const n = await seedLedger(ledger, scenario, Date.now());
  log.info({ events: n }, 'demo scenario seeded');
}

const setup = await prepareFirstAdmin(registry, config.firstAdmin, log);
const ingestDeps = { ledger, registry, log: log.child({ part: 'ingest' }), deviceLimit: limiter(config.rateLimits.perActor), addressLimit: limiter(config.rateLimits.perIp) };
const app = createApp({
  ledger,
  registry,
  setup,
  rateLimits: config.rateLimits,
  secureCookies: config.secureCookies,
  cspOrigins: basemapOrigins([config.basemap.styleUrl, config.basemap.tileUrl]),
  log,
  version,
  tickMs: config.tickMs,
  clientDir: path.join(root, 'dist', 'client'),
  routers: { '/basemap': createBasemapRouter({ dataDir: config.staticDataDir, basemap: config.basemap }) },
  deviceRouters: createIngestRouters(ingestDeps),
});
await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
log.info({ port, version }, `GridCommand listening on http://localhost:${port}`);
const ingest = await startIngestListeners({ ...config.ingest, host: config.host }, ingestDeps);

const simulator = config.simulator
  ? await startSimulator({
      url: `http://127.0.0.1:${port}`,
      // In memory only: the built-in simulator acts as a commander for as long as this process lives.
      token: registry.tokens.issueEphemeral({ id: 'simulator', kind: 'service', role: 'commander', label: 'simulator', createdBy: 'system:server' }),
      ...config.scenario, dataDir: config.staticDataDir, logger: log.child({ part: 'simulator' }) })
  : null;

async function shutdown(signal: string): Promise<void> {
  log.info({ signal }, 'shutting down');
  await simulator?.stop();
  await ingest.close();
  await app.close();
  await ledger.drain();
  await ledger.snapshotNow();
  await store.close();
  registry.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
