import { describe, expect, test, vi } from 'vitest';
import { createSeed } from '../testing/fixtures.js';
import { emptyState, type PictureState } from '../../shared/protocol.js';
import { SnapshotCache } from './snapshotCache.js';
import { liveOf, openSnapshot, type PackedSnapshot } from '../../shared/catalog.js';
import { openSnapshotSync } from '../testing/packed.js';

function createState(): PictureState {
  const seed = createSeed();
  const state = { ...emptyState(), seq: 8, clock: { scenarioTime: Date.UTC(2020, 0, 20), speed: 1440 } };
  for (const c of seed.cells) state.cells[c.id] = c;
  for (const c of seed.checkpoints) state.checkpoints[c.id] = c;
  for (const t of seed.teams) state.teams[t.id] = t;
  for (const t of seed.tasks) state.tasks[t.id] = t;
  state.days['2020-01-20'] = { date: '2020-01-20', confirmed: 3, active: 3, cured: 0, deaths: 0 };
  return state;
}

const REF = { version: 'v1', variant: 'full' as const };
/** The event as a client has it, a snapshot as after `openSnapshot`: its gzipped state unpacked in place. */
function decode(packet: string): [string, unknown] {
  const [name, payload] = JSON.parse(packet.slice(1)) as [string, PackedSnapshot];
  return [name, openSnapshotSync(payload)];
}

describe('SnapshotCache', () => {
  test('encodes exactly what socket.emit would send for the snapshot: cells as their live part, the catalog named', () => {
    const state = createState();
    const encoded = new SnapshotCache().encode(state, 1234, 'log-1', REF);
    expect(encoded.packet.startsWith('2["state:snapshot",')).toBe(true);
    const wire = { ...state, cells: Object.fromEntries(Object.entries(state.cells).map(([id, c]) => [id, liveOf(c)])) };
    expect(decode(encoded.packet)).toEqual(JSON.parse(JSON.stringify(['state:snapshot', { logId: 'log-1', seq: 8, serverTime: 1234, catalog: REF, state: wire }])));
  });

  test('packs the picture: gzip + base64 that the shared openSnapshot unpacks, far smaller than its JSON', async () => {
    const state = createState();
    for (let i = 0; i < 2000; i++) state.cells[`c${i}`] = { ...Object.values(state.cells)[0]!, id: `c${i}` };
    const encoded = new SnapshotCache().encode(state, 1234, 'log-1', REF);
    const [, packed] = JSON.parse(encoded.packet.slice(1)) as [string, PackedSnapshot];
    expect(Object.keys(packed).sort()).toEqual(['catalog', 'logId', 'seq', 'serverTime', 'stateGz']);
    const opened = await openSnapshot(packed);
    expect(opened).toEqual(decode(encoded.packet)[1]);
    expect(Object.keys(opened.state.cells)).toHaveLength(Object.keys(state.cells).length);
    expect(encoded.jsonBytes).toBe(Buffer.byteLength(JSON.stringify(opened.state)));
    expect(encoded.frame[1].length * 5).toBeLessThan(encoded.jsonBytes);
  });

  test('openSnapshot refuses what is not a gzipped picture', async () => {
    const base = { logId: 'l', seq: 1, serverTime: 1, catalog: REF };
    await expect(openSnapshot({ ...base, stateGz: Buffer.from('{"cells":{}}').toString('base64') })).rejects.toThrow();
    await expect(openSnapshot({ ...base } as PackedSnapshot)).rejects.toThrow(/stateGz/);
  });

  test('begin: encodes in slices between turns of the event loop, the picture as it was when it began', async () => {
    const state = createState();
    for (let i = 0; i < 3000; i++) state.teams[`x${i}`] = { ...state.teams.t1!, id: `x${i}`, name: `队${i}` };
    const expected = decode(new SnapshotCache().encode(state, 1000, 'log-1', REF).packet);
    const cache = new SnapshotCache(1000, 0); // a slice of 0 ms: one run per turn
    let finished = false;
    cache.begin(state, 1000, 'log-1', REF, (err) => {
      expect(err).toBeUndefined();
      finished = true;
    });
    expect(cache.busy).toBe(true);
    expect(cache.latest(1000)).toBeNull();
    // The fold goes on meanwhile: it replaces entities and adds some; the encoding must not see it.
    state.teams.x5 = { ...state.teams.x5!, name: '改了' };
    state.teams.late = { ...state.teams.t2!, id: 'late' };
    state.seq = 9;
    cache.begin(state, 1010, 'log-1', REF); // one encoding at a time: ignored
    await vi.waitFor(() => expect(finished).toBe(true));
    expect(cache.busy).toBe(false);
    const done = cache.latest(1500)!;
    expect(done.seq).toBe(8);
    expect(decode(done.packet)).toEqual(expected);
    // The next encoding starts from the runs it left: the changed ones show the fold.
    const [, next] = decode(cache.encode(state, 1600, 'log-1', REF).packet) as [string, { state: PictureState }];
    expect(next.state.teams.x5?.name).toBe('改了');
    expect(next.state.teams.late).toBeDefined();
  });

  test('begin: a picture whose encoding outlasts maxAgeMs is still handed out, for maxAgeMs after it was ready', async () => {
    const state = createState();
    for (let i = 0; i < 3000; i++) state.teams[`x${i}`] = { ...state.teams.t1!, id: `x${i}` };
    const cache = new SnapshotCache(5, 0); // fresh for 5 ms; one run per turn of the loop takes longer
    const began = performance.now();
    let took = 0;
    cache.begin(state, 1000, 'log-1', REF, () => (took = performance.now() - began));
    await vi.waitFor(() => expect(took).toBeGreaterThan(0));
    expect(took).toBeGreaterThan(5);
    const ready = cache.latest(1000 + took)!;
    expect(ready.seq).toBe(8);
    expect(ready.readyAt).toBeGreaterThan(1005);
    expect(cache.latest(ready.readyAt + 5)).toBeNull();
  });

  test('shows an entity replaced by the fold, not its cached JSON', () => {
    const state = createState();
    const cache = new SnapshotCache();
    cache.encode(state, 1000, 'log-1', REF);
    const team = state.teams.t1!;
    state.teams.t1 = { ...team, position: [114.5, 30.7] };
    state.seq = 9;
    const [, snapshot] = decode(cache.encode(state, 1050, 'log-1', REF).packet) as [string, { seq: number; state: PictureState }];
    expect(snapshot.seq).toBe(9);
    expect(snapshot.state.teams.t1?.position).toEqual([114.5, 30.7]);
    expect(snapshot.state.teams.t2).toEqual(state.teams.t2);
  });

  test('stays exact over many seqs of a large table: entities replaced mid-table, added at the end', () => {
    const state = createState();
    for (let i = 0; i < 700; i++) state.teams[`x${i}`] = { ...state.teams.t1!, id: `x${i}`, name: `队${i}` };
    const cache = new SnapshotCache();
    const wire = () => JSON.parse(JSON.stringify(['state:snapshot', { logId: 'log-1', seq: state.seq, serverTime: state.seq, catalog: REF, state: { ...state, cells: Object.fromEntries(Object.entries(state.cells).map(([id, c]) => [id, liveOf(c)])) } }]));
    for (let seq = 9; seq < 14; seq++) {
      state.seq = seq;
      state.teams[`x${seq * 37}`] = { ...state.teams[`x${seq * 37}`]!, status: 'working' };
      state.teams[`new${seq}`] = { ...state.teams.t2!, id: `new${seq}` };
      const { packet, frame } = cache.encode(state, seq, 'log-1', REF);
      expect(decode(packet)).toEqual(wire());
      expect(frame[1].toString()).toBe(`4${packet}`);
    }
  });

  test('reuses the encoding for the same seq, and rebuilds it once it is a second old', () => {
    const state = createState();
    const cache = new SnapshotCache();
    const first = cache.encode(state, 1000, 'log-1', REF);
    expect(cache.encode(state, 1500, 'log-1', REF)).toBe(first);
    expect(cache.encode(state, 2000, 'log-1', REF)).not.toBe(first);
  });

  test('frames the engine.io message as one unmasked WebSocket text frame', () => {
    const { frame, packet } = new SnapshotCache().encode(createState(), 1, 'log-1', REF);
    const [header, payload] = frame;
    expect(payload.toString()).toBe(`4${packet}`);
    expect(header[0]).toBe(0x81);
    expect(header[1]).toBe(126);
    expect(header.readUInt16BE(2)).toBe(payload.length);
  });
});
