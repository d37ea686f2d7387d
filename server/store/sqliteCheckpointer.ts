import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface CheckpointerOptions {
  /** How often to move the WAL's new frames into the database file. @default 1000 */
  everyMs?: number;
  /**
   * A WAL file larger than this is checkpointed in RESTART mode, which waits for the writer between
   * two commits so that the next commit writes the WAL from its start again. @default 64 MiB
   */
  restartAboveBytes?: number;
  /** Told of a checkpoint that failed. Nothing is lost: the frames stay in the WAL for the next one. */
  onError?: (err: Error) => void;
  /** Told of each checkpoint that moved frames (the bench records how long they took). */
  onDone?: (done: CheckpointDone) => void;
}

/** What one checkpoint did, as SQLite reports it. */
export interface CheckpointDone {
  mode: 'PASSIVE' | 'RESTART';
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
  ms: number;
}

export interface SqliteCheckpointer {
  /** The newest checkpoint that moved frames, or null before the first. */
  readonly last: CheckpointDone | null;
  close(): Promise<void>;
}

/**
 * Eval'd CommonJS like the writer's (see sqliteWriter.ts). A checkpoint with nothing new to move
 * costs a look at the WAL index; one with frames fsyncs the WAL, copies the pages and fsyncs the
 * database file. Those fsyncs stall with the disk, so they run here and never inside a commit.
 */
const WORKER_SOURCE = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
// RESTART waits (up to this long) for the writer to finish its commit; PASSIVE never waits.
db.pragma('busy_timeout = 2000');
function walBytes() {
  try { return fs.statSync(workerData.file + '-wal').size; } catch { return 0; }
}
function run() {
  const mode = walBytes() > workerData.restartAboveBytes ? 'RESTART' : 'PASSIVE';
  const t0 = performance.now();
  try {
    const r = db.pragma('wal_checkpoint(' + mode + ')')[0];
    if (r.log > 0 && r.checkpointed > 0) parentPort.postMessage({ mode, log: r.log, checkpointed: r.checkpointed, ms: performance.now() - t0 });
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err), code: err && err.code });
  }
}
const timer = setInterval(run, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m.op !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ closed: true });
});
`;

type Message = CheckpointDone | { error: string; code?: string } | { closed: true };

/**
 * Checkpoints the event log's WAL on a thread and connection of its own, so that the writer's
 * connection (which has `wal_autocheckpoint = 0`) commits without ever running one: with SQLite's
 * automatic checkpoints, the commit that crossed 1,000 WAL pages also waited for two fsyncs.
 * PASSIVE checkpoints run beside commits without blocking them.
 */
export function startSqliteCheckpointer(file: string, opts: CheckpointerOptions = {}): SqliteCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const workerData = { file, driver, everyMs: opts.everyMs ?? 1000, restartAboveBytes: opts.restartAboveBytes ?? 64 * 1024 * 1024 };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  worker.unref(); // a timer of its own must not keep the process alive
  let last: CheckpointDone | null = null;
  let exited = false;
  let closed: (() => void) | null = null;
  worker.on('exit', () => {
    exited = true;
    closed?.();
  });
  worker.on('message', (m: Message) => {
    if ('closed' in m) return closed?.();
    if ('error' in m) return opts.onError?.(Object.assign(new Error(`WAL checkpoint failed: ${m.error}`), { code: m.code }));
    last = m;
    opts.onDone?.(m);
  });
  worker.on('error', (err) => opts.onError?.(err));
  return {
    get last() {
      return last;
    },
    async close() {
      if (exited) return;
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ op: 'close' });
      });
      await worker.terminate();
    },
  };
}
