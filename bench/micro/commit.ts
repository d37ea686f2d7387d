/**
 * `npx tsx bench/micro/commit.ts`: how long a group commit holds the event loop, with the event
 * log's writer on a worker thread (the default) and inline. Appends batches of position reports
 * (the size the ingest scenario commits) to a fresh SQLite file in the OS temp folder, one at a
 * time, and times the synchronous part of each `append` call (what the event loop cannot do
 * anything else during) and the whole commit (append → seqs). Event-loop delay is sampled too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openSqliteStore } from '../../server/store/sqliteStore.js';
import { quantile } from '../stats.js';
import { positionReport as report } from './positionReport.js';

const BATCHES = 60;
const PER_BATCH = Number(process.argv[2] ?? 1000);

for (const writer of ['thread', 'inline'] as const) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-commit-'));
  const store = openSqliteStore(path.join(dir, 'log.sqlite'), { writer });
  await store.append([report(-1, 0)]); // the writer thread is up
  const held: number[] = [];
  const whole: number[] = [];
  const eld = monitorEventLoopDelay({ resolution: 1 });
  eld.enable();
  const t0 = performance.now();
  for (let i = 0; i < BATCHES; i++) {
    const batch = Array.from({ length: PER_BATCH }, (_, k) => report(i, k));
    const a = performance.now();
    const done = store.append(batch);
    held.push(performance.now() - a);
    await done;
    whole.push(performance.now() - a);
    await new Promise((r) => setImmediate(r));
  }
  const s = (performance.now() - t0) / 1000;
  eld.disable();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `${writer.padEnd(6)} ${PER_BATCH} events/commit: loop held median ${quantile(held, 0.5).toFixed(2)} ms, max ${Math.max(...held).toFixed(2)} ms; ` +
      `commit median ${quantile(whole, 0.5).toFixed(2)} ms, max ${Math.max(...whole).toFixed(2)} ms; ${Math.round((BATCHES * PER_BATCH) / s)} events/s; ` +
      `event-loop delay max ${(eld.max / 1e6).toFixed(1)} ms`,
  );
}
