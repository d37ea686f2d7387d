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
import { parseBenchArgs } from './args.js';
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

const args = parseBenchArgs(process.argv.slice(2));

const RUN_SCENARIOS: Record<string, Scenario> = { fanout: fanoutScenario, w: wScenario, join: joinScenario, slow: slowScenario, ingest: ingestScenario, soak: soakScenario };
const names = args.scenario;
const reps = args.reps;
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
    summaries.push(await runRestart({ quick, bundles, worldFile, events: args.events, reps, log }));
    continue;
  }
  if (name === 'client') {
    summaries.push(await runClient({ quick, reps, log }));
    continue;
  }
  const scenario = RUN_SCENARIOS[name]!;
  if (name === 'soak') soakScenario.configure({ rate: args.rate, minutes: args.minutes, resultsDir: RESULTS_DIR });
  const designs: Design[] = (scenario.designs ?? ['ours', 'naive']).filter((d) => !args.designs || args.designs.includes(d));
  const runs: RunSummary[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    for (const design of designs) {
      const spec = scenario.spec(design, ctx);
      if (args.walls) spec.plan.rawWalls = args.walls;
      if (args['tick-ms']) spec.server.tickMs = args['tick-ms'];
      if (args['commit-ms']) spec.server.commitIntervalMs = args['commit-ms'];
      if (args['heap-growing-percent'] !== undefined) spec.server.heapGrowingPercent = args['heap-growing-percent'];
      log(`${name} ${design} rep ${rep}/${reps} (load ${loadAverage()[0]})`);
      const profileKind = args['heap-profile'] ? 'heapprofile' : args.profile ? 'cpuprofile' : null;
      const profileFile = profileKind ? path.join(outDir, `${name}-${design}-${rep}.${profileKind}`) : undefined;
      const record = await runOnce({ design, rep, serverBundle: bundles.server, loadBundle: bundles.load, server: spec.server, plan: spec.plan, profileFile, gcAtMarks: spec.gcAtMarks });
      for (const l of record.logs) log(`  ${design}: ${l}`);
      // The server's own per-second telemetry (event-loop delay, memory by kind, commits) and its after-GC memory, for a closer look.
      fs.writeFileSync(path.join(outDir, `${name}-${design}-${rep}.server.json`), JSON.stringify({ stats: record.serverStats, memory: record.memory }));
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
