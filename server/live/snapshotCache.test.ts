import { describe, expect, test } from 'vitest';
import { createSeed } from '../testing/fixtures.js';
import { emptyState, type PictureState } from '../../shared/protocol.js';
import { encodeEvent, SnapshotCache, textFrameHeader } from './snapshotCache.js';
import { liveOf } from '../../shared/catalog.js';

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
const decode = (packet: string) => JSON.parse(packet.slice(1)) as [string, unknown];

describe('SnapshotCache', () => {
  test('encodes exactly what socket.emit would send for the snapshot: cells as their live part, the catalog named', () => {
    const state = createState();
    const encoded = new SnapshotCache().encode(state, 1234, 'log-1', REF);
    expect(encoded.packet.startsWith('2["state:snapshot",')).toBe(true);
    const wire = { ...state, cells: Object.fromEntries(Object.entries(state.cells).map(([id, c]) => [id, liveOf(c)])) };
    expect(decode(encoded.packet)).toEqual(JSON.parse(JSON.stringify(['state:snapshot', { logId: 'log-1', seq: 8, serverTime: 1234, catalog: REF, state: wire }])));
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

  test('encodeEvent: the packet socket.emit would send, framed in two buffers or in one', () => {
    const delta = { fromSeq: 1, toSeq: 2, serverTime: 3, teams: [{ id: 't1', name: '江岸区消杀一队' }] };
    const two = encodeEvent('state:delta', delta);
    const one = encodeEvent('state:delta', delta, { oneBuffer: true });
    expect(decode(two.packet)).toEqual(['state:delta', delta]);
    expect(one.packet).toBe(two.packet);
    expect(one.frame).toHaveLength(1);
    expect(one.frame[0]).toEqual(Buffer.concat(two.frame));
    expect(two.frame[0].readUInt8(1)).toBe(two.frame[1]!.length); // under 126 bytes: the 1-byte length form
    expect(two.frame[1]!.toString()).toBe(`4${two.packet}`);
  });

  test('uses the 1-, 2- and 8-byte length forms at their limits', () => {
    expect([...textFrameHeader(125)]).toEqual([0x81, 125]);
    expect([...textFrameHeader(126)]).toEqual([0x81, 126, 0, 126]);
    const big = textFrameHeader(70_000);
    expect(big[1]).toBe(127);
    expect(big.readBigUInt64BE(2)).toBe(70_000n);
  });
});
