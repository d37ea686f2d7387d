/**
 * Time-travel child for target 6: opens an existing event log and rebuilds the picture at random past
 * seqs with `stateAt` (newest snapshot at or before it + the events after), cold, one at a time.
 * Prints one JSON line: the wall and CPU milliseconds of each.
 */
import { openSqliteStore } from '../../server/store/sqliteStore.js';
import { stateAt } from '../../server/history/timeTravel.js';

const [file, countArg] = process.argv.slice(2);
const store = openSqliteStore(file!);
const last = await store.lastSeq();
const count = Number(countArg ?? 10);
// Deterministic spread over the whole log, so reruns ask for the same moments.
const seqs = Array.from({ length: count }, (_, i) => Math.max(1, Math.round(((i + 0.37) / count) * last)));
const wallMs: number[] = [];
const cpuMs: number[] = [];
for (const seq of seqs) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const state = await stateAt(store, { seq });
  wallMs.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  cpuMs.push((cpu.user + cpu.system) / 1000);
  if (state.seq !== seq) throw new Error(`asked for ${seq}, got ${state.seq}`);
}
await store.close();
console.log(JSON.stringify({ last, seqs, wallMs, cpuMs }));
