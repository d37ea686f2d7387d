/**
 * What encoding a joiner's snapshot costs the event loop at W: the bench world (5,000 cells, 200
 * checkpoints, 500 teams), a second of W's changes folded between encodings (every team moved,
 * 50 cells and 40 checkpoints replaced, as the fold replaces entity objects), then the wall's
 * picture redacted and encoded, and the full one encoded, all at once (`encode`; the server's joins
 * use `begin`, the same work in slices). Each encode includes the gzip. Prints the median and max of each part.
 * Usage: npx tsx bench/micro/snapshot.ts [rounds]   (pin it for steadier figures: taskset -c 0 …)
 */
import { emptyState } from '../../shared/protocol.js';
import { redactState } from '../../server/live/redact.js';
import { SnapshotCache } from '../../server/live/snapshotCache.js';
import { loadWorld } from '../world.js';

const ROUNDS = Number(process.argv[2] ?? 30);
const { world } = loadWorld();
const state = emptyState();
for (const c of world.cells) state.cells[c.id] = c;
for (const c of world.checkpoints) state.checkpoints[c.id] = c;
for (const t of world.teams) state.teams[t.id] = t;
for (const t of world.tasks) state.tasks[t.id] = t;

/** One second of W: 500 fixes, 1 % of cells, a fifth of the checkpoints. */
function secondOfW(round: number): void {
  for (const t of Object.values(state.teams)) {
    const [lng, lat] = t.position ?? [114.3, 30.6];
    state.teams[t.id] = { ...t, position: [lng + 1e-5, lat], receivedAt: Date.now() };
  }
  const cells = Object.values(state.cells);
  for (let k = 0; k < 50; k++) {
    const c = cells[(round * 50 + k * 97) % cells.length]!;
    state.cells[c.id] = { ...c, updatedAt: Date.now() };
  }
  const cps = Object.values(state.checkpoints);
  for (let k = 0; k < 40; k++) {
    const c = cps[(round * 40 + k) % cps.length]!;
    state.checkpoints[c.id] = { ...c, staffOnDuty: c.staffOnDuty + 1 };
  }
  state.seq += 1100;
}

const full = new SnapshotCache();
const wall = new SnapshotCache();
const catalog = { version: 'v1', variant: 'full' as const };
const times = { redact: [] as number[], wall: [] as number[], full: [] as number[] };
let bytes = 0;
let jsonBytes = 0;
for (let r = 0; r < ROUNDS + 3; r++) {
  secondOfW(r);
  const now = Date.now() + r * 1000;
  const t0 = performance.now();
  const redacted = redactState(state);
  const t1 = performance.now();
  wall.encode(redacted, now, 'log', { ...catalog, variant: 'wall' });
  const t2 = performance.now();
  const encoded = full.encode(state, now, 'log', catalog);
  bytes = encoded.frame[1].length;
  jsonBytes = encoded.jsonBytes;
  const t3 = performance.now();
  // The first rounds fill the caches and warm the JIT.
  if (r < 3) continue;
  times.redact.push(t1 - t0);
  times.wall.push(t2 - t1);
  times.full.push(t3 - t2);
}
const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`${ROUNDS} rounds, full snapshot ${(jsonBytes / 1e6).toFixed(2)} MB of JSON, packed (gzip + base64) ${(bytes / 1e3).toFixed(1)} KB`);
for (const [k, xs] of Object.entries(times)) console.log(`${k.padEnd(7)} median ${med(xs).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms`);
