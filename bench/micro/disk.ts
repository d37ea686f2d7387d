/**
 * `npx tsx bench/micro/disk.ts [seconds] [folder]`: how long this machine's disk makes the event
 * log's commits take at W's pace, with no server and no load around it. Appends 6 position reports
 * every 10 ms (~6 events a commit, as W's group commits were before they followed the tick) through
 * the real store's `append` (worker-thread writer, WAL, each commit fsynced before it resolves) to a
 * fresh SQLite file in `folder` (default: the OS temp folder, where the bench's server keeps its log),
 * and prints the distribution of the times to durable and every one over 50 ms. Reports are
 * acknowledged only once durable, so a stall here holds back the phones' acknowledgements.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../server/store/sqliteStore.js';
import { quantile } from '../stats.js';
import { positionReport } from './positionReport.js';

const SECONDS = Number(process.argv[2] ?? 60);
const FOLDER = process.argv[3] ?? os.tmpdir();
const PER_COMMIT = 6;
const EVERY_MS = 10;
const SLOW_MS = 50;

if (!(SECONDS > 0)) throw new Error(`seconds must be a positive number, not ${process.argv[2]}`);

const dir = fs.mkdtempSync(path.join(FOLDER, 'gc-disk-'));
const store = openSqliteStore(path.join(dir, 'log.sqlite'));
await store.append([positionReport(-1, 0)]); // the writer thread is up
const times: number[] = [];
const slow: string[] = [];
const t0 = performance.now();
for (let i = 0; performance.now() - t0 < SECONDS * 1000; i++) {
  const a = performance.now();
  await store.append(Array.from({ length: PER_COMMIT }, (_, k) => positionReport(i, k, (i * PER_COMMIT + k) % 500)));
  const took = performance.now() - a;
  times.push(took);
  if (took > SLOW_MS) slow.push(`${((a - t0) / 1000).toFixed(1)} s: ${took.toFixed(0)} ms`);
  await new Promise((r) => setTimeout(r, Math.max(0, EVERY_MS - took)));
}
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  `${times.length} commits of ${PER_COMMIT} events in ${SECONDS} s (${FOLDER}): median ${quantile(times, 0.5).toFixed(2)} ms, ` +
    `p99 ${quantile(times, 0.99).toFixed(2)} ms, p99.9 ${quantile(times, 0.999).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; ` +
    `${slow.length} over ${SLOW_MS} ms, ${times.filter((t) => t > 100).length} over 100 ms`,
);
for (const s of slow) console.log(`  ${s}`);
