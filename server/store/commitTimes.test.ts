import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from './sqliteStore.js';
import { observeCommits, slowCommitWarner, type SlowCommit } from './commitTimes.js';
import { createCell, T0 } from '../testing/fixtures.js';
import type { NewEvent } from '../../shared/events.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-commits-'));
  dirs.push(dir);
  return openSqliteStore(path.join(dir, 'log.sqlite'));
}
const event = (reportId: string | null): NewEvent => ({ type: 'cell:upserted', actor: 'system:test', reportId, deviceTime: T0, serverTime: T0, data: createCell() });

describe('observeCommits', () => {
  test('times every commit of the real store, failed ones too, and leaves what append answers unchanged', async () => {
    const store = tempStore();
    const seen: { ms: number; events: number }[] = [];
    observeCommits(store, (ms, events) => seen.push({ ms, events }));
    expect(await store.append([event('r1234567'), event(null)])).toEqual([1, 2]);
    // The same report id twice breaks the log's UNIQUE constraint: the commit fails and is still timed.
    await expect(store.append([event('r1234567')])).rejects.toThrow(/UNIQUE/);
    expect(seen.map((s) => s.events)).toEqual([2, 1]);
    expect(seen.every((s) => s.ms > 0 && s.ms < 10_000)).toBe(true);
    expect(await store.lastSeq()).toBe(2);
    await store.close();
  });

  test('times a commit the ledger takes through appendCommitted until durable, and separately until committed', async () => {
    const store = tempStore();
    const seen: { ms: number; events: number; heldMs: number }[] = [];
    observeCommits(store, (ms, events, heldMs) => seen.push({ ms, events, heldMs }));
    const committed = await store.appendCommitted!([event('s1234567')]);
    expect(seen).toEqual([]); // not before it is durable
    await committed.durable;
    await new Promise((r) => setImmediate(r));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.events).toBe(1);
    expect(seen[0]!.heldMs).toBeGreaterThan(0);
    expect(seen[0]!.ms).toBeGreaterThanOrEqual(seen[0]!.heldMs);
    await store.close();
  });
});

describe('slowCommitWarner', () => {
  function warner(slowMs: number) {
    let t = 0;
    const warned: SlowCommit[] = [];
    const observe = slowCommitWarner(slowMs, (s) => warned.push(s), () => t, 10_000);
    return { warned, commit: (at: number, ms: number, events = 6) => ((t = at), observe(ms, events, ms)) };
  }

  test('warns of the first slow commit at once, then at most every 10 s with a count of those in between', () => {
    const w = warner(250);
    w.commit(0, 12);
    w.commit(100, 250);
    expect(w.warned).toEqual([]);
    w.commit(200, 797, 40);
    expect(w.warned).toEqual([{ ms: 797, events: 40, slowCommits: 1, longestMs: 797 }]);
    w.commit(3000, 900);
    w.commit(6000, 300);
    expect(w.warned).toHaveLength(1);
    w.commit(10_300, 260);
    expect(w.warned[1]).toEqual({ ms: 260, events: 6, slowCommits: 3, longestMs: 900 });
  });

  test('a large batch may take 0.1 ms per event longer before it counts as slow', () => {
    const w = warner(250);
    w.commit(0, 800, 6000);
    expect(w.warned).toEqual([]);
    w.commit(100, 900, 6000);
    expect(w.warned).toEqual([{ ms: 900, events: 6000, slowCommits: 1, longestMs: 900 }]);
  });

  test('0 turns it off', () => {
    const w = warner(0);
    w.commit(0, 5000);
    expect(w.warned).toEqual([]);
  });
});
