/**
 * A bench server child: the real GridCommand server (`ours`) or the naive baseline, seeded with the
 * bench world, on 127.0.0.1. Bundled by `bench/build.ts` and started by the orchestrator pinned to
 * one core. It reports readiness and, every second, event-loop delay and memory over IPC; nothing
 * of this is reachable over HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector';
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import pino from 'pino';
import { Registry } from '../../server/auth/registry.js';
import { tuneHeap } from '../../server/heap.js';
import { observeCommits } from '../../server/store/commitTimes.js';
import { authorizeCommand } from '../../server/auth/scope.js';
import { Ledger } from '../../server/ledger/ledger.js';
import { pacedCommitIntervalMs } from '../../server/live/broadcaster.js';
import { seedLedger } from '../../server/ledger/seed.js';
import { openSqliteStore } from '../../server/store/sqliteStore.js';
import type { ServerConfig, ServerMessage } from '../ipc.js';
import type { World } from '../world.js';
import { startOurs } from './ours.js';
import { NaiveLedger, startNaive } from './naive.js';

const config = JSON.parse(process.argv[2]!) as ServerConfig;
// As server/index.ts does with HEAP_GROWING_PERCENT: the bench measures the server as it runs.
tuneHeap(config.heapGrowingPercent);
const send = (m: ServerMessage) => process.send?.(m);
const log = pino({ level: 'silent' });

const t0 = performance.now();
// Group commits and how long each waited for the disk, per second (see server/store/commitTimes.ts);
// and the longest WAL checkpoint, which runs on a thread of its own beside the commits.
const commits = { count: 0, events: 0, ms: 0, maxMs: 0, heldMaxMs: 0, checkpointMaxMs: 0 };
const store = openSqliteStore(path.join(config.dataDir, 'gridcommand.sqlite'), {
  checkpoints: { onDone: (c) => (commits.checkpointMaxMs = Math.max(commits.checkpointMaxMs, c.ms)) },
});
observeCommits(store, (ms, events, heldMs) => {
  commits.count++;
  commits.events += events;
  commits.ms += ms;
  commits.maxMs = Math.max(commits.maxMs, ms);
  commits.heldMaxMs = Math.max(commits.heldMaxMs, heldMs);
});
// Ours as server/index.ts composes it (the tick starts commits); the baseline commits on the ledger's own 10 ms.
const commitIntervalMs = config.commitIntervalMs ?? (config.design === 'ours' ? pacedCommitIntervalMs(config.tickMs) : undefined);
const ledgerOpts = { commitIntervalMs, store, authorize: authorizeCommand, onError: (err: unknown) => console.error('event log write failed', err) };
const ledger = config.design === 'ours' ? new Ledger(ledgerOpts) : new NaiveLedger(ledgerOpts);
await ledger.load();
if (ledger.state.seq === 0 && !config.existingLog) {
  const world = JSON.parse(fs.readFileSync(config.worldFile, 'utf8')) as World;
  await seedLedger(ledger, world, Date.now());
}
const registry = new Registry(path.join(config.dataDir, 'registry.sqlite'));
for (const teamId of config.httpTeams) registry.registerDevice({ deviceId: `osm-${teamId}`, teamId, protocol: 'osmand' });
const sessions: Record<string, string> = {};
for (const teamId of config.socketTeams) sessions[teamId] = registry.createSession(teamId);
// Walls (role wall: a wall token's role is always wall) and the office feeds authenticate as production screens and programs do: a bearer token in the handshake.
const issue = (kind: 'wall' | 'service') => registry.tokens.issue({ kind, role: 'commander', label: `bench ${kind}`, createdBy: 'bench' }).token;
const tokens = config.design === 'ours' ? { wall: issue('wall'), office: issue('service') } : null;

const app =
  config.design === 'ours'
    ? startOurs({ ledger, registry, log, tickMs: config.tickMs })
    : startNaive({ ledger: ledger as NaiveLedger, registry, log });
await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
const port = (app.server.address() as AddressInfo).port;
send({ type: 'ready', port, sessions, tokens, seq: ledger.state.seq, loadMs: performance.now() - t0 });

const eld = monitorEventLoopDelay({ resolution: 10 });
eld.enable();
const OLD_SPACES = new Set(['old_space', 'large_object_space']);
const oldUsed = (spaces: v8.HeapSpaceInfo[]) => spaces.reduce((n, s) => n + (OLD_SPACES.has(s.space_name) ? s.space_used_size : 0), 0);
let lastOld = oldUsed(v8.getHeapSpaceStatistics());
// A mark-compact's sweeping frees pages for a while after it: its second and the next are not read.
let skipSeconds = 0;
setInterval(() => {
  const mem = process.memoryUsage();
  const spaces = v8.getHeapSpaceStatistics();
  const old = oldUsed(spaces);
  const oldGrowthMb = skipSeconds > 0 ? null : Math.max(0, old - lastOld) / 2 ** 20;
  lastOld = old;
  skipSeconds = Math.max(0, skipSeconds - 1);
  send({
    type: 'stats',
    at: Date.now(),
    eldMaxMs: eld.max / 1e6,
    eldP99Ms: eld.percentile(99) / 1e6,
    eldMeanMs: eld.mean / 1e6,
    rssMb: mem.rss / 2 ** 20,
    heapMb: mem.heapUsed / 2 ** 20,
    heapTotalMb: mem.heapTotal / 2 ** 20,
    externalMb: mem.external / 2 ** 20,
    newSpaceMb: (spaces.find((s) => s.space_name === 'new_space')?.space_size ?? 0) / 2 ** 20,
    oldGrowthMb,
    clients: app.clients(),
    commits: commits.count,
    committedEvents: commits.events,
    commitMs: commits.ms,
    commitMaxMs: commits.maxMs,
    commitHeldMaxMs: commits.heldMaxMs,
    checkpointMaxMs: commits.checkpointMaxMs,
  });
  eld.reset();
  Object.assign(commits, { count: 0, events: 0, ms: 0, maxMs: 0, heldMaxMs: 0, checkpointMaxMs: 0 });
}, 1000).unref();

async function stop(): Promise<void> {
  await Promise.race([app.close(), new Promise((r) => setTimeout(r, 2000))]);
  await ledger.drain();
  await store.close();
  registry.close();
  process.exit(0);
}
/**
 * `--profile`: a CPU profile of the measured phases only, so setup (seeding, joins) does not drown them.
 * `--heap-profile`: V8's sampling heap profile over the same phases, keeping only samples that were not
 * freed by a scavenge: what was promoted to the old generation (or is still alive at the end).
 */
const inspector = new Session();
let profiling: 'cpu' | 'heap' | null = null;
function profile(m: { type?: string; file?: string; heap?: boolean }): void {
  if (m.type === 'profile-start') {
    inspector.connect();
    profiling = m.heap ? 'heap' : 'cpu';
    if (m.heap) {
      const sampling = { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false };
      inspector.post('HeapProfiler.enable', () => inspector.post('HeapProfiler.startSampling', sampling));
    } else inspector.post('Profiler.enable', () => inspector.post('Profiler.start'));
  } else if (m.type === 'profile-stop' && m.file && profiling) {
    const file = m.file;
    const done = (err: Error | null, res: { profile: object }) => {
      if (!err) fs.writeFileSync(file, JSON.stringify(res.profile));
      inspector.disconnect();
    };
    if (profiling === 'heap') inspector.post('HeapProfiler.stopSampling', done);
    else inspector.post('Profiler.stop', done);
    profiling = null;
  }
}

/** Memory in use now; right after a full collection, what is live. */
function sendMemory(label: string): void {
  const mem = process.memoryUsage();
  send({ type: 'memory', label, at: Date.now(), liveMb: (mem.heapUsed + mem.external) / 2 ** 20, rssMb: mem.rss / 2 ** 20 });
}

/** A full collection on the orchestrator's request, then the memory still in use: what a slow consumer really costs. */
function collect(label: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  skipSeconds = 2;
  sendMemory(label);
}

// After each of V8's own mark-compacts, what survived it: a leak shows as a rising floor without
// the bench forcing a collection (a forced one changes how V8 sizes the heap afterwards: the soak's
// p99 stepped up by ~30 % for the rest of a run after one).
new PerformanceObserver((list) => {
  const major = list.getEntries().some((e: PerformanceEntry) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
  if (major) {
    skipSeconds = 2;
    sendMemory('major');
  }
}).observe({ entryTypes: ['gc'] });

process.on('message', (m: { type?: string; file?: string; label?: string; heap?: boolean }) => (m.type === 'stop' ? void stop() : m.type === 'gc' ? collect(m.label ?? '') : profile(m)));
process.on('disconnect', () => process.exit(0));
