import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One event as the writer inserts it: already serialized, with the entities it names. */
export type WriteRow = [type: string, actor: string, reportId: string | null, deviceTime: number | null, serverTime: number, data: string, entity: string | null, others: string[]];

/** Where the event log's transactions run. */
export interface SqliteWriter {
  /** Inserts the rows in one durable transaction; the seq of each, in order. */
  append(rows: WriteRow[]): Promise<number[]>;
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
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
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
parentPort.on('message', (m) => {
  try {
    if (m.op === 'append') return parentPort.postMessage({ id: m.id, seqs: appendAll(m.rows) });
    if (m.op === 'snapshot') snapshot.run(m.seq, m.createdAt, m.stateZ);
    if (m.op === 'close') db.close();
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
      return appendAll(rows);
    },
    async saveSnapshot(seq, createdAt, stateZ) {
      snapshot.run(seq, createdAt, stateZ);
    },
    async close() {},
  };
}

type Reply = { id: number; seqs?: number[]; error?: string; code?: string };

/**
 * Runs the log's write transactions (insert + COMMIT with `synchronous = FULL`, i.e. the fsync) on
 * a worker thread with its own connection, so a slow disk delays the batch being committed and
 * nothing else: the event loop keeps serving sockets and folding meanwhile. Callers still get their
 * seqs only after the commit. The tables must exist (openSqliteStore migrates before starting it).
 */
export function startSqliteWriter(file: string): SqliteWriter {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failed: Error | null = null;
  // Only keeps the process alive while a write is on its way (a CLI that forgets close() still exits).
  worker.unref();
  const failAll = (err: Error) => {
    failed = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (r: Reply) => {
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (!pending.size) worker.unref();
    if (!p) return;
    if (r.error) p.reject(Object.assign(new Error(r.error), { code: r.code }));
    else p.resolve(r);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the event log writer stopped (exit ${code})`)));
  const call = (msg: Record<string, unknown>): Promise<Reply> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    if (!pending.size) worker.ref();
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id });
    });
  };
  return {
    async append(rows) {
      return (await call({ op: 'append', rows })).seqs ?? [];
    },
    async saveSnapshot(seq, createdAt, stateZ) {
      await call({ op: 'snapshot', seq, createdAt, stateZ });
    },
    async close() {
      if (!failed) await call({ op: 'close' });
      failed ??= new Error('the event log writer stopped (closed)');
      await worker.terminate();
    },
  };
}
