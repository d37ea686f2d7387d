import { afterEach, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { openSqliteStore } from './sqliteStore.js';
import { createCell, T0 } from '../testing/fixtures.js';
import type { NewEvent } from '../../shared/events.js';
import { emptyState } from '../../shared/protocol.js';
import { tempFiles } from '../testing/tempStore.js';

const temp = tempFiles('gc-hist-');
const tempFile = temp.file;
afterEach(temp.removeAll);

const at = (s: number) => T0 + s * 1000;
function ev(type: string, data: object, serverS: number): NewEvent {
  return { type, actor: 'system:test', reportId: null, deviceTime: at(serverS) - 100, serverTime: at(serverS), data } as NewEvent;
}
/** seq 1 cell c1, 2 fix t1, 3 incident at k1 by t1, 4 fix t2, 5 visit c1 by t1, 6 fix t1 — one second apart. */
const LOG = [
  ev('cell:upserted', createCell(), 1),
  ev('position:report', { teamId: 't1', position: [114, 30] }, 2),
  ev('incident:create', { incidentId: 'i1', teamId: 't1', checkpointId: 'k1' }, 3),
  ev('position:report', { teamId: 't2', position: [114, 30] }, 4),
  ev('cell:visit', { cellId: 'c1', teamId: 't1' }, 5),
  ev('position:report', { teamId: 't1', position: [114, 30] }, 6),
];
const seqs = (list: { seq: number }[]) => list.map((e) => e.seq);

describe('sqlite entity history', () => {
  test('lists the events that named an entity, primary or not, newest first and paged by seq', async () => {
    const store = openSqliteStore(tempFile());
    await store.append(LOG);
    expect(seqs(await store.entityEvents('teams:t1'))).toEqual([6, 5, 3, 2]);
    expect(seqs(await store.entityEvents('teams:t1', { limit: 2 }))).toEqual([6, 5]);
    expect(seqs(await store.entityEvents('teams:t1', { beforeSeq: 5, limit: 2 }))).toEqual([3, 2]);
    expect(seqs(await store.entityEvents('teams:t1', { order: 'oldest', limit: 1 }))).toEqual([2]);
    expect(seqs(await store.entityEvents('checkpoints:k1'))).toEqual([3]);
    expect(seqs(await store.entityEvents('cells:c1'))).toEqual([5, 1]);
    expect(await store.entityEvents('teams:nobody')).toEqual([]);
    await store.close();
  });

  test('reads events by server time range and finds the last seq at a time', async () => {
    const store = openSqliteStore(tempFile());
    await store.append(LOG);
    expect(seqs(await store.eventsBetween(at(2), at(4)))).toEqual([2, 3, 4]);
    expect(seqs(await store.eventsBetween(at(2), at(6), { afterSeq: 3, limit: 2 }))).toEqual([4, 5]);
    expect(await store.seqAt(at(3) + 999)).toBe(3);
    expect(await store.seqAt(at(0))).toBe(0);
    expect(await store.seqAt(at(100))).toBe(6);
    await store.close();
  });

  test('indexes a log written before entity history when it is first opened', async () => {
    const file = tempFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, actor TEXT NOT NULL, report_id TEXT UNIQUE,
      device_time INTEGER, server_time INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE TABLE snapshots (seq INTEGER PRIMARY KEY, created_at INTEGER NOT NULL, state TEXT NOT NULL);`);
    const insert = old.prepare('INSERT INTO events (type, actor, report_id, device_time, server_time, data) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of LOG) insert.run(e.type, e.actor, e.reportId, e.deviceTime, e.serverTime, JSON.stringify(e.data));
    old.prepare('INSERT INTO snapshots VALUES (?, ?, ?)').run(6, T0, JSON.stringify({ ...emptyState(), seq: 6 }));
    old.close();
    const store = openSqliteStore(file);
    expect(seqs(await store.entityEvents('teams:t1'))).toEqual([6, 5, 3, 2]);
    expect(await store.latestSnapshot()).toEqual({ seq: 6, createdAt: T0, state: { ...emptyState(), seq: 6 } });
    await store.saveSnapshot({ seq: 7, createdAt: T0, state: { ...emptyState(), seq: 7 } });
    expect((await store.latestSnapshot())?.state.seq).toBe(7);
    expect(await store.lastSeq()).toBe(6);
    await store.close();
  });
});
