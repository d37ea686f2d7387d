import { afterEach, describe, expect, test } from 'vitest';
import { openSqliteStore as openStore } from './sqliteStore.js';
import { createCell, T0 } from '../testing/fixtures.js';
import { emptyState } from '../../shared/protocol.js';
import type { NewEvent } from '../../shared/events.js';
import { tempFiles } from '../testing/tempStore.js';

const temp = tempFiles('gc-store-');
const tempFile = temp.file;
afterEach(temp.removeAll);

function event(reportId: string | null, t = T0): NewEvent {
  return { type: 'cell:upserted', actor: 'system:test', reportId, deviceTime: t - 5, serverTime: t, data: createCell() };
}

describe.each(['thread', 'inline'] as const)('sqlite event store, writer %s', (writer) => {
  const openSqliteStore = (file: string) => openStore(file, { writer });

  test('assigns gapless seqs and reads events back in order with their metadata', async () => {
    const store = openSqliteStore(tempFile());
    expect(await store.append([event('a1234567'), event(null)])).toEqual([1, 2]);
    expect(await store.append([event('b1234567')])).toEqual([3]);
    const got = [];
    for await (const e of store.readEvents(1)) got.push(e);
    expect(got.map((e) => e.seq)).toEqual([2, 3]);
    expect(got[1]).toMatchObject({ type: 'cell:upserted', actor: 'system:test', reportId: 'b1234567', deviceTime: T0 - 5, serverTime: T0 });
    expect(await store.findReport('b1234567')).toBe(3);
    expect(await store.findReport('nope12345')).toBeNull();
    await store.close();
  });

  test('keeps what was appended after the file is closed and reopened', async () => {
    const file = tempFile();
    const a = openSqliteStore(file);
    await a.append([event('keep1234')]);
    await a.saveSnapshot({ seq: 1, createdAt: T0, state: { ...emptyState(), seq: 1 } });
    await a.close();
    const b = openSqliteStore(file);
    expect(await b.lastSeq()).toBe(1);
    expect(await b.findReport('keep1234')).toBe(1);
    expect((await b.latestSnapshot())?.seq).toBe(1);
    await b.close();
  });

  test('refuses a second event with the same report id and writes nothing of that batch', async () => {
    const store = openSqliteStore(tempFile());
    await store.append([event('dup12345')]);
    await expect(store.append([event('new12345'), event('dup12345')])).rejects.toThrow(/UNIQUE/);
    expect(await store.countEvents()).toBe(1);
    expect(await store.findReport('new12345')).toBeNull();
    await store.close();
  });

  test('pages through more events than one read page holds', async () => {
    const store = openSqliteStore(tempFile());
    await store.append(Array.from({ length: 12_345 }, () => event(null)));
    let n = 0;
    let last = 0;
    for await (const e of store.readEvents(0)) {
      expect(e.seq).toBe(last + 1);
      last = e.seq;
      n++;
    }
    expect(n).toBe(12_345);
    await store.close();
  });

  test('finds the newest snapshot at or before a seq', async () => {
    const store = openSqliteStore(tempFile());
    for (const seq of [10, 20, 30]) await store.saveSnapshot({ seq, createdAt: T0, state: { ...emptyState(), seq } });
    expect((await store.latestSnapshot(25))?.seq).toBe(20);
    expect((await store.latestSnapshot())?.seq).toBe(30);
    expect(await store.latestSnapshot(5)).toBeNull();
    await store.close();
  });
});

describe('sqlite event store, writes on a worker thread', () => {
  test('a write the writer refuses rejects that append only; the next one is written', async () => {
    const store = openStore(tempFile());
    await store.append([event('once1234')]);
    await expect(store.append([event('once1234')])).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await store.append([event('next1234')])).toEqual([2]);
    await store.close();
  });

  test('batches sent one after another keep their order, and reads on this thread see each once acknowledged', async () => {
    const store = openStore(tempFile());
    const batches = Array.from({ length: 20 }, (_, b) => Array.from({ length: 50 }, (_, i) => event(`r${b}x${i}xxxxx`)));
    const seqs = await Promise.all(batches.map((batch) => store.append(batch)));
    expect(seqs.flat()).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(await store.findReport('r19x49xxxxx')).toBe(1000);
    expect(await store.lastSeq()).toBe(1000);
    await store.close();
  });

  test('after close, an append is refused instead of hanging', async () => {
    const store = openStore(tempFile());
    await store.close();
    await expect(store.append([event(null)])).rejects.toThrow(/writer stopped/);
  });
});

describe('sqlite event store, writer thread: commit, then fsync off the commit path', () => {
  test('appendCommitted hands back seqs readable at once; each batch turns durable, in order, and append waits for it', async () => {
    const store = openStore(tempFile());
    const first = await store.appendCommitted!([event('c1234567'), event(null)]);
    expect(first.seqs).toEqual([1, 2]);
    expect(await store.findReport('c1234567')).toBe(1); // committed: other connections read it
    const second = await store.appendCommitted!([event('d1234567')]);
    const order: number[] = [];
    await Promise.all([first.durable.then(() => order.push(1)), second.durable.then(() => order.push(2))]);
    expect(order).toEqual([1, 2]);
    expect(await store.append([event('e1234567')])).toEqual([4]);
    await store.close();
  });
});
