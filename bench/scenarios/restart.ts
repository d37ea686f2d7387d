import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { NewEvent } from '../../shared/events.js';
import { Ledger } from '../../server/ledger/ledger.js';
import { seedLedger } from '../../server/ledger/seed.js';
import { openSqliteStore } from '../../server/store/sqliteStore.js';
import type { Bundles } from '../build.js';
import type { ServerConfig, ServerMessage } from '../ipc.js';
import { CACHE_DIR } from '../paths.js';
import { loadAverage } from '../proc.js';
import { summarize, type RunSummary, type ScenarioSummary } from '../report/summary.js';
import { SERVER_CORE } from '../runOnce.js';
import type { World } from '../world.js';

/** W's mix, as logged events: 85 % positions, 7 % checkpoint status changes, 8 % cell visits. */
function event(i: number, world: World, serverTime: number): NewEvent {
  const r = i % 100;
  const reportId = `r${i.toString(36).padStart(10, '0')}`;
  const wrap = (type: string, data: object) => ({ type, actor: 'sim:bench', reportId, deviceTime: serverTime - 200, serverTime, data: { reportId, recordedAt: serverTime - 200, ...data } }) as NewEvent;
  if (r < 85) {
    const team = world.teams[i % world.teams.length]!;
    return wrap('position:report', { teamId: team.id, position: [114.2 + (i % 400) / 2000, 30.5 + (i % 300) / 2000], accuracyM: 8, speedMps: 3 });
  }
  if (r < 92) return wrap('checkpoint:setStatus', { checkpointId: world.checkpoints[i % world.checkpoints.length]!.id, status: i % 2 ? 'open' : 'restricted', staffOnDuty: i % 10 });
  return wrap('cell:visit', { cellId: world.cells[(i * 7919) % world.cells.length]!.id, householdsVisited: 12, feverFound: i % 2, suppliesDelivered: 0 });
}

/** A log of `n` events after the seeded world, built once through the real ledger (snapshots every 20,000, as in production) and cached. */
async function ensureLog(n: number, worldFile: string, log: (s: string) => void): Promise<string> {
  const dir = path.join(CACHE_DIR, `log-${n}`);
  const file = path.join(dir, 'gridcommand.sqlite');
  const done = path.join(dir, 'complete');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const world = JSON.parse(fs.readFileSync(worldFile, 'utf8')) as World;
  const store = openSqliteStore(file);
  const ledger = new Ledger({ store, snapshotEvery: 20_000 });
  const t0 = Date.now();
  await seedLedger(ledger, world, t0 - n * 20);
  for (let i = 0; i < n; i += 5000) {
    const batch = Array.from({ length: Math.min(5000, n - i) }, (_, k) => event(i + k, world, t0 - (n - i - k) * 20));
    await ledger.appendSystem(batch);
    if (i % 100_000 === 0) log(`  building a ${n.toLocaleString('en-US')}-event log: ${i.toLocaleString('en-US')}`);
  }
  await store.close();
  fs.writeFileSync(done, `${ledger.state.seq}\n`);
  log(`  built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return dir;
}

function pinnedNode(args: string[], ipc: boolean) {
  return spawn('taskset', ['-c', String(SERVER_CORE), process.execPath, ...args], { stdio: ['ignore', ipc ? 'inherit' : 'pipe', 'inherit', ...(ipc ? ['ipc' as const] : [])] });
}

/** Spawn → listening → /api/health answered, on the big log. */
async function restartOnce(bundles: Bundles, dataDir: string): Promise<{ restartMs: number; loadMs: number; seq: number }> {
  const config: ServerConfig = { design: 'ours', worldFile: '', dataDir, httpTeams: [], socketTeams: [], existingLog: true };
  const t0 = performance.now();
  const child = pinnedNode([bundles.server, JSON.stringify(config)], true);
  try {
    const ready = await new Promise<Extract<ServerMessage, { type: 'ready' }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server not ready within 120 s')), 120_000);
      child.on('message', (m: ServerMessage) => m.type === 'ready' && (clearTimeout(timer), resolve(m)));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const res = await fetch(`http://127.0.0.1:${ready.port}/api/health`);
    if (!res.ok) throw new Error(`health answered ${res.status}`);
    return { restartMs: performance.now() - t0, loadMs: ready.loadMs, seq: ready.seq };
  } finally {
    child.send({ type: 'stop' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await new Promise((r) => child.once('exit', r));
    clearTimeout(timer);
  }
}

async function timeTravel(bundles: Bundles, file: string): Promise<{ wallMs: number[]; cpuMs: number[] }> {
  const child = pinnedNode([bundles.timeTravel, file, '10'], false);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise((r) => child.once('exit', r));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`time travel exited with ${String(code)}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as { wallMs: number[]; cpuMs: number[] };
}

/**
 * Target 6: the production server bundle started on a 1,000,000-event log (quick: 100,000) until it
 * answers /api/health; then the state at 10 past seqs spread over the log, each rebuilt cold. Storage
 * and replay are the same code in both designs, so there is no baseline column.
 */
export async function runRestart(o: { quick: boolean; bundles: Bundles; worldFile: string; events?: number; reps: number; log: (s: string) => void }): Promise<ScenarioSummary> {
  const started = Date.now();
  const n = o.events ?? (o.quick ? 100_000 : 1_000_000);
  const dir = await ensureLog(n, o.worldFile, o.log);
  const runs: RunSummary[] = [];
  for (let rep = 1; rep <= o.reps; rep++) {
    const before = loadAverage();
    o.log(`restart ours rep ${rep}/${o.reps} (${n.toLocaleString('en-US')} events, load ${before[0]})`);
    const r = await restartOnce(o.bundles, dir);
    const tt = await timeTravel(o.bundles, path.join(dir, 'gridcommand.sqlite'));
    const sorted = [...tt.wallMs].sort((a, b) => a - b);
    const metrics = {
      events: r.seq,
      restartMs: r.restartMs,
      loadLogMs: r.loadMs,
      timeTravelMedianMs: sorted[Math.floor(sorted.length / 2)]!,
      timeTravelMaxMs: sorted.at(-1)!,
      timeTravelMaxCpuMs: Math.max(...tt.cpuMs),
    };
    o.log(`  → restart ${metrics.restartMs.toFixed(0)} ms, time travel median ${metrics.timeTravelMedianMs.toFixed(0)} / max ${metrics.timeTravelMaxMs.toFixed(0)} ms`);
    runs.push({ design: 'ours', rep, valid: true, metrics, loadAvgBefore: before, loadAvgAfter: loadAverage(), startedAt: Date.now(), errors: [] });
  }
  return summarize('restart', runs, Date.now() - started);
}
