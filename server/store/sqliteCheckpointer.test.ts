import { afterEach, expect, test } from 'vitest';
import fs from 'node:fs';
import { openSqliteStore } from './sqliteStore.js';
import { startSqliteWriter, type WriteRow } from './sqliteWriter.js';
import { startSqliteCheckpointer, type CheckpointDone, type CheckpointerOptions } from './sqliteCheckpointer.js';
import { createCell, T0 } from '../testing/fixtures.js';
import type { NewEvent } from '../../shared/events.js';
import { tempFiles } from '../testing/tempStore.js';

const temp = tempFiles('gc-ckpt-');
const tempFile = temp.file;
afterEach(temp.removeAll);

const size = (file: string) => fs.statSync(file).size;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(ok: () => boolean, ms = 5000): Promise<void> {
  for (const t0 = Date.now(); !ok(); await sleep(20)) if (Date.now() - t0 > ms) throw new Error('timed out');
}

/** Cells with a long note: 400 of them fill ~300 WAL pages, so 5 batches cross SQLite's 1,000-page automatic checkpoint. */
function batch(b: number): NewEvent[] {
  return Array.from({ length: 400 }, (_, i) => ({
    type: 'cell:upserted', actor: 'system:test', reportId: `r${b}x${i}xxxxxx`, deviceTime: T0, serverTime: T0,
    data: { ...createCell({ id: `c${b}x${i}` }), note: 'x'.repeat(2000) },
  }) as NewEvent);
}

/** A store whose checkpoints run as `checkpoints` says, given one event and then six batches (`pauseMs` after each); `before`: the database file's size after the first event. */
async function filled(checkpoints: CheckpointerOptions, pauseMs = 0) {
  const file = tempFile();
  const store = openSqliteStore(file, { checkpoints });
  await store.append([batch(-1)[0]!]);
  const before = size(file);
  for (let b = 0; b < 6; b++) {
    await store.append(batch(b));
    await sleep(pauseMs);
  }
  return { file, store, before };
}

test('a commit never runs a checkpoint: the database file grows only when the checkpointer thread runs', async () => {
  const { file, store, before } = await filled({ everyMs: 3_600_000 });
  expect(size(`${file}-wal`)).toBeGreaterThan(4096 * 1500); // past the 1,000 pages that would have checkpointed at commit
  expect(size(file)).toBe(before);
  expect(await store.countEvents()).toBe(2401);
  await store.close();
});

test('the checkpointer moves committed frames into the database file on its own, and commits go on meanwhile', async () => {
  const { file, store, before } = await filled({ everyMs: 30 });
  await until(() => size(file) > before + 4096 * 1000);
  await store.close();
  // Nothing is lost by checkpoints beside commits: every event is in the file once it is closed.
  const reopened = openSqliteStore(file);
  expect(await reopened.countEvents()).toBe(2401);
  await reopened.close();
});

test('checkpoints move every frame, yet the writer appends to the WAL instead of restarting it until it outgrows the limit', async () => {
  const run = async (restartAboveBytes: number) => {
    // A checkpoint or more between two commits.
    const { file, store, before } = await filled({ everyMs: 20, restartAboveBytes }, 80);
    await until(() => size(file) > before + 4096 * 1000);
    const wal = size(`${file}-wal`);
    await store.close();
    return wal;
  };
  // Pinned: every commit appended (no restart, so no header fsync inside a commit): the WAL holds all six batches.
  expect(await run(64 * 1024 * 1024)).toBeGreaterThan(4096 * 1500);
  // Past a 1 MB limit the pin is let go: commits after a complete checkpoint write the WAL from its start again.
  expect(await run(1024 * 1024)).toBeLessThan(4096 * 1000);
});

test('a WAL grown past the limit is checkpointed in RESTART mode, a smaller one in PASSIVE', async () => {
  for (const [limit, mode] of [[0, 'RESTART'], [64 * 1024 * 1024, 'PASSIVE']] as const) {
    const done: CheckpointDone[] = [];
    const store = openSqliteStore(tempFile(), { checkpoints: { everyMs: 30, restartAboveBytes: limit, onDone: (c) => done.push(c) } });
    await store.append(batch(0));
    await until(() => done.length > 0);
    expect(done[0]).toMatchObject({ mode, checkpointed: done[0]!.log });
    await store.close();
  }
});

test('writer and checkpointer threads that cannot read the log say why, and close all the same', async () => {
  const file = tempFile();
  fs.writeFileSync(file, 'not a database, but a file the operator pointed the log at by mistake '.repeat(100));
  const errors: Error[] = [];
  const checkpointer = startSqliteCheckpointer(file, { everyMs: 20, onError: (e) => errors.push(e) });
  await until(() => errors.length > 0);
  expect(errors[0]).toMatchObject({ message: 'the WAL checkpointer stopped: SQLITE_NOTADB', code: 'SQLITE_NOTADB' });
  await checkpointer.close();
  const writer = startSqliteWriter(file, { everyMs: 3_600_000 });
  const row: WriteRow = ['cell:upserted', 'system:test', null, T0, T0, '{}', null, []];
  await expect(writer.append([row])).rejects.toThrow(/^the event log writer stopped: SQLITE_NOTADB$/);
  await sleep(50); // the thread has exited by now: a later append still gives the first reason
  await expect(writer.append([row])).rejects.toThrow(/^the event log writer stopped: SQLITE_NOTADB$/);
  await writer.close();
  expect(fs.readFileSync(file, 'utf8')).toMatch(/^not a database/); // nothing written into it
});
