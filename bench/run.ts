/**
 * `npm run bench -- --scenario fanout|w|join|slow|ingest|restart|soak|client|all [--reps 3] [--quick]`
 *
 * Starts the production server bundle (ours) and the naive baseline, alternately (A B A B …), each in
 * a child pinned to core 0 with the load generator pinned to core 1, and writes JSON, a Markdown table
 * and an SVG plot to bench/results/<timestamp>/. Loopback only; every run is bounded in time.
 * See docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundles } from './build.js';
import type { Design } from './ipc.js';
import { RESULTS_DIR } from './paths.js';
import { loadAverage } from './proc.js';
import { runOnce } from './runOnce.js';
import type { Evaluation, Scenario, ScenarioContext } from './scenarios/common.js';
import { fanoutScenario } from './scenarios/fanout.js';
import { ingestScenario } from './scenarios/ingest.js';
import { joinScenario } from './scenarios/join.js';
import { slowScenario } from './scenarios/slow.js';
import { soakScenario } from './scenarios/soak.js';
import { wScenario } from './scenarios/w.js';
import { runRestart } from './scenarios/restart.js';
import { runClient } from './scenarios/client.js';
import { summarize, type RunSummary, type ScenarioSummary } from './report/summary.js';
import { writeReport } from './report/write.js';
import { loadWorld } from './world.js';

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'all' },
    reps: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    /** Soak: input multiplier of W (default: half the knee of the newest fan-out result, else 2). */
    rate: { type: 'string' },
    /** Soak length. @default 10 (quick: 0.5) */
    minutes: { type: 'string' },
    /** Restart: events in the log. @default 1000000 (quick: 100000) */
    events: { type: 'string' },
    /** Only these designs (comma-separated: ours,naive), e.g. to measure a server change before and after. */
    designs: { type: 'string' },
    /** Do not pin the server and the generator to their own cores (a machine others are loading). */
    'no-pin': { type: 'boolean', default: false },
    /** Write a CPU profile of the server over each run's measured phases next to the results. */
    profile: { type: 'boolean', default: false },
    /** Override the number of raw walls (for trying the harness on a small scale; targets assume 498 + 2). */
    walls: { type: 'string' },
    /** Our server's broadcast tick, ms (to measure the latency/CPU trade-off). @default the server's 50 */
    'tick-ms': { type: 'string' },
  },
});

const RUN_SCENARIOS: Record<string, Scenario> = { fanout: fanoutScenario, w: wScenario, join: joinScenario, slow: slowScenario, ingest: ingestScenario, soak: soakScenario };
const ALL = ['fanout', 'w', 'join', 'slow', 'ingest', 'restart', 'client'];
const names = args.scenario === 'all' ? ALL : args.scenario.split(',');
for (const n of names) if (!(n in RUN_SCENARIOS) && n !== 'restart' && n !== 'client') throw new Error(`unknown scenario ${n}`);
const reps = Math.max(1, Number(args.reps));
if (args['no-pin']) process.env.BENCH_NO_PIN = '1';
const quick = args.quick;

const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const outDir = path.join(RESULTS_DIR, stamp);
fs.mkdirSync(outDir, { recursive: true });
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${loadAverage().join(' ')}`);
const { world, file: worldFile } = loadWorld();
const bundles = await buildBundles();
const ctx: ScenarioContext = { quick, world, worldFile };
const summaries: ScenarioSummary[] = [];

function fmt(e: Evaluation): string {
  const pick = Object.entries(e.metrics)
    .slice(0, 6)
    .map(([k, v]) => `${k}=${v === null ? '–' : Number(v.toPrecision(4))}`)
    .join(' ');
  return `${e.valid ? 'ok' : `REJECTED (${e.reason})`} ${pick}${e.valid && e.reason ? ` [${e.reason}]` : ''}`;
}

for (const name of names) {
  const started = Date.now();
  if (name === 'restart') {
    summaries.push(await runRestart({ quick, bundles, worldFile, events: args.events ? Number(args.events) : undefined, reps, log }));
    continue;
  }
  if (name === 'client') {
    summaries.push(await runClient({ quick, reps, log }));
    continue;
  }
  const scenario = RUN_SCENARIOS[name]!;
  if (name === 'soak') soakScenario.configure({ rate: args.rate, minutes: args.minutes, resultsDir: RESULTS_DIR });
  const designs: Design[] = (scenario.designs ?? ['ours', 'naive']).filter((d) => !args.designs || args.designs.split(',').includes(d));
  const runs: RunSummary[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    for (const design of designs) {
      const spec = scenario.spec(design, ctx);
      if (args.walls) spec.plan.rawWalls = Number(args.walls);
      if (args['tick-ms']) spec.server.tickMs = Number(args['tick-ms']);
      log(`${name} ${design} rep ${rep}/${reps} (load ${loadAverage()[0]})`);
      const profileFile = args.profile ? path.join(outDir, `${name}-${design}-${rep}.cpuprofile`) : undefined;
      const record = await runOnce({ design, rep, serverBundle: bundles.server, loadBundle: bundles.load, server: spec.server, plan: spec.plan, profileFile, gcAtMarks: spec.gcAtMarks });
      for (const l of record.logs) log(`  ${design}: ${l}`);
      const evaluation = scenario.evaluate(record, ctx);
      log(`  → ${fmt(evaluation)}`);
      runs.push({ design, rep, ...evaluation, loadAvgBefore: record.loadAvgBefore, loadAvgAfter: record.loadAvgAfter, startedAt: record.startedAt, errors: record.result?.errors ?? [] });
    }
  }
  summaries.push(summarize(name, runs, Date.now() - started));
}

const files = writeReport(outDir, { quick, reps, command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), summaries });
log(`results: ${files.join(', ')}`);
process.exit(0);
