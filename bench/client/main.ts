import type { Cell, Checkpoint, Team } from '../../shared/entities.js';
import { emptyState, type Delta, type Snapshot } from '../../shared/protocol.js';
import { applyDelta, applySnapshot } from '../../client/state/picture.js';
import { PictureStore } from '../../client/live/pictureStore.js';

interface World {
  cells: Cell[];
  checkpoints: Checkpoint[];
  teams: Team[];
}

export interface ClientBenchResult {
  entities: number;
  deltaBytes: number;
  applyDeltaMs: number[];
  storeReceiveMs: number[];
  parseMs: number[];
}

/** A delta touching `n` entities: every team moves, every checkpoint changes, the rest are cells with new counts. */
function bigDelta(world: World, n: number, seq: number, now: number): Delta {
  const teams = world.teams.map((t, i) => ({ ...t, position: [114.2 + i * 1e-4, 30.5 + i * 1e-4] as [number, number], reportedAt: now, receivedAt: now, updatedAt: now }));
  const checkpoints = world.checkpoints.map((c) => ({ ...c, status: 'restricted' as const, updatedAt: now }));
  const cells = world.cells.slice(0, Math.max(0, n - teams.length - checkpoints.length)).map((c) => ({ ...c, counts: { ...c.counts, confirmed: c.counts.confirmed + 1 }, updatedAt: now }));
  return { fromSeq: seq, toSeq: seq + n, serverTime: now, teams, checkpoints, cells };
}

/** Times the wall's reducer on a 5,000-entity delta with performance marks (the Performance panel shows them too). */
async function run(worldJson: string, iterations: number): Promise<ClientBenchResult> {
  const world = JSON.parse(worldJson) as World;
  const now = Date.now();
  const state = { ...emptyState(), seq: 1 };
  for (const c of world.cells) state.cells[c.id] = c;
  for (const c of world.checkpoints) state.checkpoints[c.id] = c;
  for (const t of world.teams) state.teams[t.id] = { ...t, reportedAt: now - 1000 };
  const snapshot: Snapshot = { logId: 'bench', seq: 1, serverTime: now, state };
  const base = applySnapshot(snapshot);
  const delta = bigDelta(world, 5000, 1, now);
  const text = JSON.stringify(delta);
  const result: ClientBenchResult = { entities: 5000, deltaBytes: new TextEncoder().encode(text).length, applyDeltaMs: [], storeReceiveMs: [], parseMs: [] };
  const time = (name: string, f: () => void): number => {
    performance.mark(`${name}:start`);
    f();
    performance.mark(`${name}:end`);
    return performance.measure(name, `${name}:start`, `${name}:end`).duration;
  };
  for (let i = 0; i < iterations + 5; i++) {
    const parsed = { value: null as Delta | null };
    const parse = time('parse', () => void (parsed.value = JSON.parse(text) as Delta));
    const apply = time('applyDelta', () => void applyDelta(base, parsed.value!));
    const store = new PictureStore();
    store.receiveSnapshot(snapshot, now);
    const receive = time('PictureStore.receiveDelta', () => void store.receiveDelta(parsed.value!, now));
    if (i >= 5) {
      result.parseMs.push(parse);
      result.applyDeltaMs.push(apply);
      result.storeReceiveMs.push(receive);
    }
    // Let the page breathe between iterations, as it would between socket messages.
    await new Promise((r) => setTimeout(r, 20));
  }
  return result;
}

(window as unknown as { runBench: typeof run }).runBench = run;
document.title = 'ready';
