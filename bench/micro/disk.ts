/**
 * `npx tsx bench/micro/disk.ts [seconds] [folder]`: how long this machine's disk makes the event
 * log's commits take at W's pace, with no server and no load around it. Appends 30 position reports
 * every 50 ms (W's ~600 reports/s in one group commit per broadcast tick) through the real store's
 * `appendCommitted` (worker-thread writer, WAL, checkpoints on their own thread) to a fresh SQLite
 * file in `folder` (default: the OS temp folder, where the bench's server keeps its log), and prints
 * the distribution of the times until committed (what walls wait for), until durable (fsynced: what
 * phones' acknowledgements wait for), the longest checkpoint, and every commit over 50 ms.
 * `CKPT_MS=<ms>` sets how often the checkpointer runs (a huge value: no checkpoints at all).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../server/store/sqliteStore.js';
import { quantile } from '../stats.js';
import { positionReport } from './positionReport.js';

const SECONDS = Number(process.argv[2] ?? 60);
const FOLDER = process.argv[3] ?? os.tmpdir();
const PER_COMMIT = 30;
const EVERY_MS = 50;
const SLOW_MS = 50;

if (!(SECONDS > 0)) throw new Error(`seconds must be a positive number, not ${process.argv[2]}`);

const dir = fs.mkdtempSync(path.join(FOLDER, 'gc-disk-'));
const checkpoints: number[] = [];
const store = openSqliteStore(path.join(dir, 'log.sqlite'), { checkpoints: { everyMs: Number(process.env.CKPT_MS ?? 1000), onDone: (c) => checkpoints.push(c.ms) } });
await store.append([positionReport(-1, 0)]); // the writer thread is up
const held: number[] = [];
const durable: Promise<number>[] = [];
const slow: string[] = [];
const t0 = performance.now();
for (let i = 0; performance.now() - t0 < SECONDS * 1000; i++) {
  const a = performance.now();
  const c = await store.appendCommitted!(Array.from({ length: PER_COMMIT }, (_, k) => positionReport(i, k, (i * PER_COMMIT + k) % 500)));
  const took = performance.now() - a;
  held.push(took);
  durable.push(c.durable.then(() => performance.now() - a));
  if (took > SLOW_MS) slow.push(`${((a - t0) / 1000).toFixed(1)} s: held ${took.toFixed(0)} ms`);
  await new Promise((r) => setTimeout(r, Math.max(0, EVERY_MS - took)));
}
const toDurable = await Promise.all(durable);
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
const line = (name: string, t: number[]) =>
  `  ${name}: median ${quantile(t, 0.5).toFixed(2)} ms, p99 ${quantile(t, 0.99).toFixed(1)} ms, max ${Math.max(...t).toFixed(1)} ms, ${t.filter((x) => x > SLOW_MS).length} over ${SLOW_MS} ms`;
console.log(`${held.length} commits of ${PER_COMMIT} events in ${SECONDS} s (${FOLDER})`);
console.log(line('until committed', held));
console.log(line('until durable', toDurable));
console.log(`  ${checkpoints.length} checkpoints (own thread)${checkpoints.length ? `: median ${quantile(checkpoints, 0.5).toFixed(1)} ms, max ${Math.max(...checkpoints).toFixed(1)} ms` : ''}`);
for (const s of slow) console.log(`  ${s}`);
