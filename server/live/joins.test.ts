// Joiners within a second share one encoded snapshot and are brought up to date by a catch-up delta,
// over real sockets against a real server (test-driven ticks).
import { afterEach, expect, test, vi } from 'vitest';
import type { PackedSnapshot, WireDelta, WireSnapshot } from '../../shared/catalog.js';
import { applyDelta, applySnapshot } from '../../client/state/picture.js';
import { createSeed, position, rid } from '../testing/fixtures.js';
import { startTestServer, type TestClient } from '../testing/liveServer.js';
import { JoinServer } from './joins.js';
import { ChangeHistory } from './history.js';
import { CellCatalogCache } from './catalog.js';
import { emptyState } from '../../shared/protocol.js';
import { createChangeSet } from '../state/changes.js';
import { openSnapshotSync } from '../testing/packed.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

async function move(lng: number): Promise<number> {
  const ack = await server.ledger.submit('position:report', { ...position('t1', lng, 30.57, Date.now()), reportId: rid() }, 'device:test');
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.seq;
}

/** The picture a client ends with after applying everything it received (cells' live part: the catalog is not joined here). */
function pictureOf(c: TestClient) {
  const [first, ...rest] = c.received;
  if (first?.kind !== 'snapshot') throw new Error('no snapshot first');
  let state = applySnapshot(first.msg as unknown as Parameters<typeof applySnapshot>[0]);
  for (const r of rest) state = applyDelta(state, r.msg as unknown as Parameters<typeof applyDelta>[1]);
  return state;
}

test('a joiner within a second of the last snapshot gets that snapshot and a catch-up, and ends at the same picture', async () => {
  server = await startTestServer();
  const a = await server.client();
  await server.tick();
  const snapA = a.received[0]!.msg as WireSnapshot;
  const s9 = await move(114.31);
  await server.tick();
  const s10 = await move(114.32);
  const b = await server.client();
  await server.tick();
  expect(b.received.map((r) => r.kind)).toEqual(['snapshot', 'delta']);
  const [snapB, catchUp] = b.received.map((r) => r.msg) as [WireSnapshot, WireDelta];
  expect(snapB.seq).toBe(snapA.seq); // the same encoding…
  expect(snapB.serverTime).toBe(snapA.serverTime);
  expect(catchUp).toMatchObject({ fromSeq: snapA.seq, toSeq: s10 }); // …and what changed since
  expect(catchUp.teams?.map((t) => t.position)).toEqual([[114.32, 30.57]]);
  expect(s9).toBeLessThan(s10);
  // Both go on from the same seq and show the same picture.
  await move(114.33);
  await server.tick();
  const pa = pictureOf(a);
  const pb = pictureOf(b);
  expect(pb.seq).toBe(server.ledger.state.seq);
  expect(pb.seq).toBe(pa.seq);
  expect(pb.teams).toEqual(pa.teams);
  expect(pb.teams.t1?.position).toEqual([114.33, 30.57]);
});

test('after a second, a joiner gets a snapshot encoded afresh at the current seq', async () => {
  server = await startTestServer();
  const a = await server.client();
  await server.tick();
  await move(114.31);
  await server.tick();
  await new Promise((r) => setTimeout(r, 1050));
  const b = await server.client();
  await server.tick();
  expect(b.received.map((r) => r.kind)).toEqual(['snapshot']);
  expect((b.received[0]!.msg as WireSnapshot).seq).toBe(server.ledger.state.seq);
  expect((b.received[0]!.msg as WireSnapshot).seq).toBeGreaterThan((a.received[0]!.msg as WireSnapshot).seq);
});

test('a tick serves joiners for at most its budget and leaves the rest, in order, for the next one', async () => {
  const state = emptyState();
  for (const c of createSeed().cells) state.cells[c.id] = c;
  state.seq = 5;
  const ledger = { state, store: { logId: 'log-1' } } as unknown as ConstructorParameters<typeof JoinServer>[0];
  const writes: string[] = [];
  // Each write takes 3 ms, as a slow socket write can.
  const socket = (name: string) => ({ name, connected: true, conn: { write: () => { writes.push(name); const until = performance.now() + 3; while (performance.now() < until); } } });
  const joiners = ['a', 'b', 'c', 'd', 'e'].map((n) => ({ socket: socket(n), lastSeq: undefined, view: 'full' as const })) as unknown as Parameters<InstanceType<typeof JoinServer>['serve']>[0];
  const joins = new JoinServer(ledger, new ChangeHistory(5), new CellCatalogCache(() => state), 5);
  const served: string[] = [];
  const name = (j: { socket: unknown }) => (j.socket as { name: string }).name;
  let left = joins.serve(joiners, 1000, (j) => served.push(name(j)));
  expect(served.length).toBeGreaterThanOrEqual(1);
  expect(served.length).toBeLessThan(5);
  while (left.length) left = joins.serve(left, 1010, (j) => served.push(name(j)));
  expect(served).toEqual(['a', 'b', 'c', 'd', 'e']);
  expect(writes).toEqual(['a', 'b', 'c', 'd', 'e']);
});

test('a large picture is encoded between ticks: its joiners wait, then get the picture as it began plus the catch-up to the broadcast', async () => {
  const state = emptyState();
  const seed = createSeed();
  for (const c of seed.cells) state.cells[c.id] = c;
  for (const t of seed.teams) state.teams[t.id] = t;
  state.seq = 5;
  const ledger = { state, store: { logId: 'log-1' } } as unknown as ConstructorParameters<typeof JoinServer>[0];
  const history = new ChangeHistory(5);
  const packets: string[] = [];
  const socket = { connected: true, conn: { write: (packet: string) => void packets.push(packet) } };
  const joiner = { socket, lastSeq: undefined, view: 'full' as const } as unknown as Parameters<InstanceType<typeof JoinServer>['serve']>[0][number];
  const joins = new JoinServer(ledger, history, new CellCatalogCache(() => state), 15, 1); // every picture counts as large
  const served: unknown[] = [];
  expect(joins.serve([joiner], 1000, (j) => served.push(j))).toEqual([joiner]);
  expect(packets).toEqual([]); // encoding under way, nothing written inside the tick
  // A fix folded and broadcast (5 → 6) while the snapshot is being encoded.
  const before = state.teams.t1!.position;
  state.teams.t1 = { ...state.teams.t1!, position: [114.4, 30.6] };
  state.seq = 6;
  const changes = createChangeSet();
  changes.ids.teams.add('t1');
  history.push(5, 6, changes);
  let left = [joiner];
  await vi.waitFor(() => {
    left = joins.serve(left, 1050, (j) => served.push(j));
    expect(left).toEqual([]);
  });
  expect(served).toEqual([joiner]);
  const [snap, catchUp] = packets.map((p) => JSON.parse(p.slice(1)) as [string, Record<string, unknown>]);
  expect(snap![0]).toBe('state:snapshot');
  const picture = openSnapshotSync(snap![1] as unknown as PackedSnapshot);
  expect(picture.seq).toBe(5);
  expect(picture.state.teams.t1?.position).toEqual(before); // the picture at seq 5, not the fold's later fix
  expect(catchUp).toEqual(['state:delta', expect.objectContaining({ fromSeq: 5, toSeq: 6, teams: [expect.objectContaining({ id: 't1', position: [114.4, 30.6] })] })]);
});
