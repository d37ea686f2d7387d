/**
 * How long does time travel take on a big log? Builds (or reuses) a log of N events over a grid of
 * 5,000 cells through the real ledger — so snapshots land every SNAPSHOT_EVERY events, as in
 * production — then times stateAt at random past seqs, cold and while scrubbing with a cache.
 *
 *   npx tsx scripts/bench-timetravel.ts [--events 1000000] [--cells 5000] [--snapshot-every 20000] [--file /tmp/x.sqlite]
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { NewEvent } from '../shared/events.js';
import { Ledger } from '../server/ledger/ledger.js';
import { seedLedger } from '../server/ledger/seed.js';
import { openSqliteStore } from '../server/store/sqliteStore.js';
import { createCell, createCheckpoint, createTeam, T0 } from '../server/testing/fixtures.js';
import { StateCache, stateAt } from '../server/history/timeTravel.js';

const { values: args } = parseArgs({
  options: { events: { type: 'string', default: '1000000' }, cells: { type: 'string', default: '5000' }, 'snapshot-every': { type: 'string', default: '20000' }, file: { type: 'string' } },
});
const N = Number(args.events);
const CELLS = Number(args.cells);
const EVERY = Number(args['snapshot-every']);
const file = args.file ?? path.join(os.tmpdir(), `gc-bench-${N}-${CELLS}-${EVERY}.sqlite`);
const TEAMS = 200;
const CHECKPOINTS = 60;

/** A hexagon of ~300 m around a point of a 100-wide lattice over Wuhan, open like h3's boundaries. */
function hexagon(i: number): [number, number][] {
  const lng = 114.1 + (i % 100) * 0.006;
  const lat = 30.4 + Math.floor(i / 100) * 0.005;
  return Array.from({ length: 6 }, (_, k) => [+(lng + 0.003 * Math.cos((k * Math.PI) / 3)).toFixed(6), +(lat + 0.003 * Math.sin((k * Math.PI) / 3)).toFixed(6)]);
}

function command(i: number, serverTime: number): NewEvent {
  const base = { reportId: `b${i.toString(36).padStart(10, '0')}`, recordedAt: serverTime - 300 };
  const team = `t${i % TEAMS}`;
  const r = i % 100;
  const wrap = (type: string, data: object) => ({ type, actor: 'sim:bench', reportId: base.reportId, deviceTime: base.recordedAt, serverTime, data: { ...base, ...data } }) as NewEvent;
  if (r === 0) return wrap('clock:set', { scenarioTime: Date.UTC(2020, 0, 20) + i * 6000, speed: 1440 });
  if (r < 55) return wrap('position:report', { teamId: team, position: [114.1 + (i % 600) / 1000, 30.4 + (i % 500) / 1000], accuracyM: 8, speedMps: 3 });
  if (r < 75) return wrap('cell:report', { cellId: `c${i % CELLS}`, counts: { confirmed: i % 50, cured: i % 20 } });
  if (r < 90) return wrap('checkpoint:tally', { checkpointId: `k${i % CHECKPOINTS}`, inboundPersons: 3, outboundPersons: 2, inboundVehicles: 1, outboundVehicles: 0, passesChecked: 5, refused: 0 });
  if (r < 96) return wrap('cell:visit', { cellId: `c${(i * 7) % CELLS}`, teamId: team, householdsVisited: 40, feverFound: i % 2, suppliesDelivered: 0 });
  if (r < 99) return wrap('team:setStatus', { teamId: team, status: i % 2 ? 'working' : 'en_route' });
  return wrap('incident:create', { incidentId: `i${i}`, kind: 'crowding', severity: 'medium', position: [114.3, 30.6], note: '', checkpointId: `k${i % CHECKPOINTS}` });
}

async function build(): Promise<void> {
  const store = openSqliteStore(file);
  if ((await store.lastSeq()) > 0) return void (await store.close());
  const t = performance.now();
  const ledger = new Ledger({ store, snapshotEvery: EVERY });
  await seedLedger(
    ledger,
    {
      cells: Array.from({ length: CELLS }, (_, i) => createCell({ id: `c${i}`, polygon: hexagon(i), communityName: `社区${i}` })),
      checkpoints: Array.from({ length: CHECKPOINTS }, (_, i) => createCheckpoint({ id: `k${i}` })),
      teams: Array.from({ length: TEAMS }, (_, i) => createTeam({ id: `t${i}` })),
      tasks: [],
    },
    T0,
  );
  for (let i = 0; i < N; i += 5000) {
    await ledger.appendSystem(Array.from({ length: Math.min(5000, N - i) }, (_, k) => command(i + k, T0 + 3_600_000 + (i + k) * 50)));
    if (i % 100_000 === 0) process.stdout.write(`\r  built ${i} events`);
  }
  console.log(`\r  built ${ledger.state.seq} events in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  await store.close();
}

/** Wall and CPU ms: on a shared, loaded machine the CPU time is the steadier of the two. */
const cpuMs: number[] = [];
const stats = (ms: number[]) => {
  const pick = (s: number[]) => `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} / p90 ${s[Math.floor(s.length * 0.9)]!.toFixed(0)} / max ${s.at(-1)!.toFixed(0)} ms`;
  const cpu = cpuMs.splice(0).sort((a, b) => a - b);
  return `wall ${pick([...ms].sort((a, b) => a - b))}; cpu ${pick(cpu)} (n=${ms.length})`;
};

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const c = process.cpuUsage();
  const out = await f();
  const used = process.cpuUsage(c);
  cpuMs.push((used.user + used.system) / 1000);
  return [out, performance.now() - t];
}

await build();
const store = openSqliteStore(file);
const last = await store.lastSeq();
const db = new Database(file, { readonly: true });
const snaps = db.prepare('SELECT COUNT(*) AS n, SUM(LENGTH(state) + IFNULL(LENGTH(state_z), 0)) AS bytes FROM snapshots').get() as { n: number; bytes: number };
db.close();
const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
const sizeOf = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
console.log(`log ${file}: ${last} events, ${CELLS} cells, snapshot every ${EVERY}: ${snaps.n} snapshots, ${mb(snaps.bytes)} of snapshots, file ${mb(sizeOf(file) + sizeOf(`${file}-wal`))}`);

let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const cold: number[] = [];
for (let k = 0; k < 20; k++) cold.push((await timed(() => stateAt(store, { seq: 1 + Math.floor(random() * last) })))[1]);
console.log(`stateAt, cold, random seq:        ${stats(cold)}`);
const byTime: number[] = [];
for (let k = 0; k < 10; k++) byTime.push((await timed(() => stateAt(store, { time: T0 + 3_600_000 + Math.floor(random() * N * 50) })))[1]);
console.log(`stateAt, cold, random time:       ${stats(byTime)}`);
const cache = new StateCache(4);
const scrub: number[] = [];
const from = Math.floor(last / 3);
for (let k = 0; k < 20; k++) scrub.push((await timed(() => stateAt(store, { seq: from + k * 1000 }, { cache })))[1]);
console.log(`stateAt, scrubbing +1000 seqs, cached: ${stats(scrub)}`);
cpuMs.length = 0;
const [events, entityMs] = await timed(() => store.entityEvents('teams:t7', { limit: 100, beforeSeq: Math.floor(last / 2) }));
console.log(`entityEvents(teams:t7, 100): ${entityMs.toFixed(1)} ms (${events.length} events); seqAt: ${(await timed(() => store.seqAt(T0 + 3_600_000 + N * 25)))[1].toFixed(2)} ms`);
await store.close();
