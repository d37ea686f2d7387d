import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Design, LoadMessage, LoadPlan, LoadResult, ServerConfig, ServerMessage } from './ipc.js';
import { coreShare, loadAverage, startSampler, type Sample } from './proc.js';
import { mean } from './stats.js';

/** The cores the two children are pinned to: server alone on one, generator alone on the other. */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

export type ServerStats = Extract<ServerMessage, { type: 'stats' }>;

export interface RunRecord {
  design: Design;
  rep: number;
  startedAt: number;
  endedAt: number;
  loadAvgBefore: number[];
  loadAvgAfter: number[];
  /** Spawn → listening, ms (includes loading the log). */
  startMs: number;
  marks: { name: string; at: number }[];
  samples: Sample[];
  serverStats: ServerStats[];
  result: LoadResult | null;
  logs: string[];
  /** Memory right after a full collection: those asked for at `gcAtMarks` (labelled by mark) and V8's own mark-compacts (`major`). */
  memory: Extract<ServerMessage, { type: 'memory' }>[];
  /** Why the run was cut short, if it was. */
  aborted?: string;
}

export interface RunSpec {
  design: Design;
  rep: number;
  serverBundle: string;
  loadBundle: string;
  server: Omit<ServerConfig, 'design' | 'dataDir'> & { dataDir?: string };
  plan: Omit<LoadPlan, 'design' | 'url' | 'sessions' | 'tokens'>;
  /** Generator marks at which the server runs a full GC and reports its live memory (see RunRecord.memory). */
  gcAtMarks?: string[];
  /** Kill the run when the server's RSS passes this. @default 3072 */
  maxRssMb?: number;
  /** Write a profile of the server over the measured phases to this file: CPU (`.cpuprofile`) or surviving allocations (`.heapprofile`). */
  profileFile?: string;
}

/** Extra node flags for the server child, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** The same for the generator: BENCH_LOAD_NODE_ARGS. */
const LOAD_NODE_ARGS = (process.env.BENCH_LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** BENCH_NO_PIN=1 lets the scheduler place both children (for a machine others are loading; see docs/benchmarks.md). */

function pinned(core: number, args: string[]): ChildProcess {
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  return !process.env.BENCH_NO_PIN ? spawn('taskset', ['-c', String(core), process.execPath, ...args], { stdio }) : spawn(process.execPath, args, { stdio });
}

function waitFor<T>(child: ChildProcess, pick: (m: unknown) => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: unknown) => {
      const v = pick(m);
      if (v === undefined) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(v);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what}: exited with ${code}`));
    });
  });
}

async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  if (child.connected) child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** One run: a fresh server child (pinned), a generator child (pinned to the other core), sampled from here. */
export async function runOnce(spec: RunSpec): Promise<RunRecord> {
  const dataDir = spec.server.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gc-bench-'));
  const record: RunRecord = {
    design: spec.design,
    rep: spec.rep,
    startedAt: Date.now(),
    endedAt: 0,
    loadAvgBefore: loadAverage(),
    loadAvgAfter: [],
    startMs: 0,
    marks: [],
    samples: [],
    serverStats: [],
    result: null,
    logs: [],
    memory: [],
  };
  const config: ServerConfig = { ...spec.server, design: spec.design, dataDir };
  const t0 = performance.now();
  // --expose-gc: only for the full collections a scenario asks for at its marks (gcAtMarks).
  const server = pinned(SERVER_CORE, ['--expose-gc', ...SERVER_NODE_ARGS, spec.serverBundle, JSON.stringify(config)]);
  let load: ChildProcess | null = null;
  const sampler = startSampler(server.pid!, () => load?.pid ?? null);
  record.samples = sampler.samples;
  server.on('message', (m: ServerMessage) => {
    if (m.type === 'stats') record.serverStats.push(m);
    if (m.type === 'memory') record.memory.push(m);
  });
  try {
    const ready = await waitFor(server, (m) => ((m as ServerMessage).type === 'ready' ? (m as Extract<ServerMessage, { type: 'ready' }>) : undefined), 120_000, 'server');
    record.startMs = performance.now() - t0;
    load = pinned(LOAD_CORE, [...LOAD_NODE_ARGS, spec.loadBundle]);
    const plan: LoadPlan = { ...spec.plan, design: spec.design, url: `http://127.0.0.1:${ready.port}`, sessions: ready.sessions, tokens: ready.tokens };
    const budget = plan.phases.reduce((n, p) => n + p.durationMs, 0) + plan.drainMs + 270_000;
    const measured = plan.phases.filter((p) => p.measured !== false).map((p) => p.name);
    load.on('message', (m: LoadMessage) => {
      if (m.type === 'mark') record.marks.push({ name: m.name, at: m.at });
      if (m.type === 'mark' && spec.gcAtMarks?.includes(m.name)) server.send({ type: 'gc', label: m.name });
      if (spec.profileFile && m.type === 'mark' && m.name === `start:${measured[0]}`) server.send({ type: 'profile-start', heap: spec.profileFile.endsWith('.heapprofile') });
      if (spec.profileFile && m.type === 'mark' && m.name === `end:${measured.at(-1)}`) server.send({ type: 'profile-stop', file: spec.profileFile });
      if (m.type === 'log') record.logs.push(m.text);
    });
    load.send({ type: 'plan', plan });
    const maxRss = spec.maxRssMb ?? 3072;
    const guard = new Promise<never>((_, reject) => {
      const timer = setInterval(() => {
        const rss = sampler.samples.at(-1)?.serverRssMb ?? 0;
        if (rss > maxRss) reject(new Error(`server RSS ${rss.toFixed(0)} MB passed ${maxRss} MB`));
      }, 250);
      load?.once('exit', () => clearInterval(timer));
    });
    guard.catch(() => undefined);
    record.result = await Promise.race([
      waitFor(load, (m) => ((m as LoadMessage).type === 'result' ? (m as Extract<LoadMessage, { type: 'result' }>).result : undefined), budget, 'generator'),
      guard,
    ]);
  } catch (err) {
    record.aborted = err instanceof Error ? err.message : String(err);
  } finally {
    // The generator exits by itself right after its result (writing a profile if asked); then it is killed.
    if (load && load.exitCode === null && load.signalCode === null) {
      const child = load;
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    sampler.stop();
    await stopChild(server);
    if (!spec.server.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    record.endedAt = Date.now();
    record.loadAvgAfter = loadAverage();
  }
  return record;
}

/** Everything the orchestrator measured over one window of a run. */
export interface Window {
  seconds: number;
  /** Share of one core, 0–1. */
  serverCpu: number | null;
  loadCpu: number | null;
  /** Busy share of the server's and the generator's cores taken by other processes (the shared machine). */
  otherOnServerCore: number | null;
  otherOnLoadCore: number | null;
  rssStartMb: number | null;
  rssMaxMb: number | null;
  rssEndMb: number | null;
  eldMaxMs: number;
  eldP99Ms: number;
  /** Group commits per second, events per commit, and the share of time a commit was under way (append → its seqs; it holds the event loop only with `writer: 'inline'`). */
  commitsPerS: number;
  eventsPerCommit: number;
  commitBusyShare: number;
  commitMaxMs: number;
  /** The longest a commit took until committed, before its fsync: what walls waited for. */
  commitHeldMaxMs: number;
  /** The longest WAL checkpoint (its own thread: it holds no commit, but its fsyncs tell how the disk was doing). */
  checkpointMaxMs: number;
  /** Old-generation growth per second, over the seconds without a mark-compact (see ipc.ts); null if every second had one. */
  oldGrowthMbPerS: number | null;
}

export function windowOf(r: RunRecord, t0: number, t1: number): Window {
  const s = r.samples;
  const serverCpu = coreShare(s, t0, t1, (x) => x.serverCpuMs);
  const loadCpu = coreShare(s, t0, t1, (x) => x.loadCpuMs);
  const core = (i: number) => coreShare(s, t0, t1, (x) => x.cores[i] ?? null);
  const sc = core(SERVER_CORE);
  const lc = core(LOAD_CORE);
  const inside = s.filter((x) => x.at >= t0 && x.at <= t1 && x.serverRssMb !== null);
  const rss = inside.map((x) => x.serverRssMb!);
  const stats = r.serverStats.filter((x) => x.at > t0 && x.at <= t1 + 1000);
  return {
    seconds: (t1 - t0) / 1000,
    serverCpu,
    loadCpu,
    otherOnServerCore: sc !== null && serverCpu !== null ? Math.max(0, sc - serverCpu) : null,
    otherOnLoadCore: lc !== null && loadCpu !== null ? Math.max(0, lc - loadCpu) : null,
    rssStartMb: rss[0] ?? null,
    rssMaxMb: rss.length ? Math.max(...rss) : null,
    rssEndMb: rss.at(-1) ?? null,
    eldMaxMs: Math.max(0, ...stats.map((x) => x.eldMaxMs)),
    eldP99Ms: Math.max(0, ...stats.map((x) => x.eldP99Ms)),
    commitsPerS: stats.reduce((n, x) => n + x.commits, 0) / Math.max(1, stats.length),
    eventsPerCommit: stats.reduce((n, x) => n + x.committedEvents, 0) / Math.max(1, stats.reduce((n, x) => n + x.commits, 0)),
    commitBusyShare: stats.reduce((n, x) => n + x.commitMs, 0) / Math.max(1, stats.length * 1000),
    commitMaxMs: Math.max(0, ...stats.map((x) => x.commitMaxMs)),
    // Absent from runs recorded before the fsync left the commit path: then the commit was durable when committed.
    commitHeldMaxMs: Math.max(0, ...stats.map((x) => x.commitHeldMaxMs ?? x.commitMaxMs)),
    checkpointMaxMs: Math.max(0, ...stats.map((x) => x.checkpointMaxMs ?? 0)),
    oldGrowthMbPerS: mean(stats.map((x) => x.oldGrowthMb)),
  };
}

/** Start and end of a named phase, from the generator's marks. */
export function phaseSpan(r: RunRecord, name: string): [number, number] | null {
  const start = r.marks.find((m) => m.name === `start:${name}`)?.at;
  const end = r.marks.find((m) => m.name === `end:${name}`)?.at;
  return start && end ? [start, end] : null;
}
