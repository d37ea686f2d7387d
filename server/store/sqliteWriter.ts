import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Committed } from './eventStore.js';
import { workerFailure } from './workerFailure.js';
import { startSqliteCheckpointer, type CheckpointerOptions } from './sqliteCheckpointer.js';

/** One event as the writer inserts it: already serialized, with the entities it names. */
export type WriteRow = [type: string, actor: string, reportId: string | null, deviceTime: number | null, serverTime: number, data: string, entity: string | null, others: string[]];

/** Where the event log's transactions run. */
export interface SqliteWriter {
  /** Inserts the rows in one transaction; resolves once committed, `durable` once fsynced. */
  append(rows: WriteRow[]): Promise<Committed>;
  saveSnapshot(seq: number, createdAt: number, stateZ: Buffer): Promise<void>;
  close(): Promise<void>;
}

const INSERT_EVENT = 'INSERT INTO events (type, actor, report_id, device_time, server_time, data, entity) VALUES (?, ?, ?, ?, ?, ?, ?)';
const INSERT_OTHER = 'INSERT OR IGNORE INTO event_entities (entity, seq) VALUES (?, ?)';
const INSERT_SNAPSHOT = "INSERT OR REPLACE INTO snapshots (seq, created_at, state, state_z) VALUES (?, ?, '', ?)";

/**
 * The writer's code, run as an eval'd CommonJS worker: no TypeScript loader or bundler is involved,
 * so it starts the same under tsx, vitest and the esbuild bench bundle. It only inserts rows the
 * main thread has prepared; the SQL is that of openSqliteStore.
 */
const WORKER_SOURCE = `
const fs = require('node:fs');
const path = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
// COMMIT writes the transaction to the WAL without waiting for the disk; syncWal fsyncs it right
// after, off the commit path, and only then are its events durable (what FULL would have given).
db.pragma('synchronous = NORMAL');
// Never a checkpoint inside a commit: the checkpointer thread runs them (sqliteCheckpointer.ts).
db.pragma('wal_autocheckpoint = 0');
const insert = db.prepare(${JSON.stringify(INSERT_EVENT)});
const addOther = db.prepare(${JSON.stringify(INSERT_OTHER)});
const snapshot = db.prepare(${JSON.stringify(INSERT_SNAPSHOT)});
const appendAll = db.transaction((rows) =>
  rows.map((r) => {
    const seq = Number(insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6]).lastInsertRowid);
    for (const entity of r[7]) addOther.run(entity, seq);
    return seq;
  }),
);
let walFd = -1;
let committed = 0;
let synced = 0;
let syncing = false;
function openWal() {
  if (walFd >= 0) return;
  walFd = fs.openSync(workerData.file + '-wal', 'r');
  // Once: the WAL's directory entry too, as SQLite does for a new journal.
  const dir = fs.openSync(path.dirname(workerData.file), 'r');
  try { fs.fsyncSync(dir); } finally { fs.closeSync(dir); }
}
function syncWal() {
  if (syncing || synced >= committed) return;
  syncing = true;
  const target = committed;
  try { openWal(); } catch (err) { return syncFailed(err); }
  fs.fsync(walFd, (err) => {
    syncing = false;
    if (walFd < 0) return; // closed meanwhile, after a last fsync of its own
    if (err) return syncFailed(err);
    synced = Math.max(synced, target);
    parentPort.postMessage({ durableSeq: target });
    syncWal();
  });
}
function syncFailed(err) {
  parentPort.postMessage({ syncError: String((err && err.message) || err), code: err && err.code });
}
parentPort.on('message', (m) => {
  try {
    if (m.op === 'append') {
      const seqs = appendAll(m.rows);
      if (seqs.length) committed = seqs[seqs.length - 1];
      parentPort.postMessage({ id: m.id, seqs });
      return syncWal();
    }
    if (m.op === 'snapshot') snapshot.run(m.seq, m.createdAt, m.stateZ);
    if (m.op === 'close') {
      if (synced < committed) {
        openWal();
        fs.fsyncSync(walFd);
        synced = committed;
        parentPort.postMessage({ durableSeq: synced });
      }
      // The worker's descriptors are the process's: close it, or every store opened leaks one.
      if (walFd >= 0) fs.closeSync(walFd);
      walFd = -1;
      db.close();
    }
    parentPort.postMessage({ id: m.id });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String((err && err.message) || err), code: err && err.code });
  }
});
`;

/** The same transactions on the caller's thread (`writer: 'inline'`): a commit holds the event loop. */
export function inlineSqliteWriter(db: Database.Database): SqliteWriter {
  const insert = db.prepare(INSERT_EVENT);
  const addOther = db.prepare(INSERT_OTHER);
  const snapshot = db.prepare(INSERT_SNAPSHOT);
  const appendAll = db.transaction((rows: WriteRow[]) =>
    rows.map((r) => {
      const seq = Number(insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6]).lastInsertRowid);
      for (const entity of r[7]) addOther.run(entity, seq);
      return seq;
    }),
  );
  return {
    async append(rows) {
      // synchronous = FULL on this connection: durable once committed.
      return { seqs: appendAll(rows), durable: Promise.resolve() };
    },
    async saveSnapshot(seq, createdAt, stateZ) {
      snapshot.run(seq, createdAt, stateZ);
    },
    async close() {},
  };
}

type Reply = { id: number; seqs?: number[]; error?: string; code?: string };
type Note = { durableSeq: number } | { syncError: string; code?: string };
const isNote = (m: Reply | Note): m is Note => !('id' in m);

/**
 * Runs the log's write transactions on a worker thread with its own connection, so the event loop
 * never waits for the disk. A COMMIT there only writes the WAL (`synchronous = NORMAL`): its seqs
 * come back at once, readable and safe from a crash of this process; the worker then fsyncs the
 * WAL (one fsync in flight at a time, covering every commit before it) and `durable` resolves when
 * the fsync that covers the batch ends. So a disk that stalls an fsync delays acknowledgements, not
 * the next commits. A failed fsync fails the writer: every later append is refused. Checkpoints
 * run on a thread of their own too (sqliteCheckpointer.ts), never inside a commit. The tables
 * must exist (openSqliteStore migrates before starting it).
 */
export function startSqliteWriter(file: string, checkpoints: CheckpointerOptions = {}): SqliteWriter {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
  const checkpointer = startSqliteCheckpointer(file, checkpoints);
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failed: Error | null = null;
  /** Committed batches waiting for their fsync, in seq order. */
  const unsynced: { seq: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  let durableThrough = 0;
  // Only keeps the process alive while a write or its fsync is on its way (a CLI that forgets close() still exits).
  const hold = () => (pending.size || unsynced.length ? worker.ref() : worker.unref());
  worker.unref();
  const failAll = (err: Error) => {
    failed ??= err; // the first reason: an exit after an error must not hide it
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    for (const u of unsynced.splice(0)) u.reject(err);
  };
  worker.on('message', (r: Reply | Note) => {
    if (isNote(r)) {
      if ('syncError' in r) return failAll(Object.assign(new Error(`the event log could not be synced to disk: ${r.syncError}`), { code: r.code }));
      durableThrough = Math.max(durableThrough, r.durableSeq);
      while (unsynced.length && unsynced[0]!.seq <= durableThrough) unsynced.shift()!.resolve();
      return hold();
    }
    const p = pending.get(r.id);
    pending.delete(r.id);
    hold();
    if (!p) return;
    if (r.error) p.reject(Object.assign(new Error(r.error), { code: r.code }));
    else p.resolve(r);
  });
  worker.on('error', (err) => failAll(workerFailure('the event log writer', err)));
  worker.on('exit', (code) => failAll(new Error(`the event log writer stopped (exit ${code})`)));
  const call = (msg: Record<string, unknown>): Promise<Reply> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      hold();
      worker.postMessage({ ...msg, id });
    });
  };
  return {
    async append(rows) {
      const seqs = (await call({ op: 'append', rows })).seqs ?? [];
      if (!seqs.length || seqs.at(-1)! <= durableThrough) return { seqs, durable: Promise.resolve() };
      const durable = failed ? Promise.reject(failed) : new Promise<void>((resolve, reject) => unsynced.push({ seq: seqs.at(-1)!, resolve, reject }));
      hold();
      durable.catch(() => undefined); // a caller that only awaited the commit must not crash the process
      return { seqs, durable };
    },
    async saveSnapshot(seq, createdAt, stateZ) {
      await call({ op: 'snapshot', seq, createdAt, stateZ });
    },
    async close() {
      await checkpointer.close();
      if (!failed) await call({ op: 'close' });
      failed ??= new Error('the event log writer stopped (closed)');
      await worker.terminate();
    },
  };
}
