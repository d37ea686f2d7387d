import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workerFailure } from './workerFailure.js';

export interface CheckpointerOptions {
  /** How often to move the WAL's new frames into the database file. @default 1000 */
  everyMs?: number;
  /**
   * The WAL grows by appends up to this size; past it, the next commit after a complete checkpoint
   * writes it from its start again (and fsyncs its header inside that commit). Past four times
   * this, checkpoints run in RESTART mode, which waits for the writer between two commits.
   * @default 64 MiB
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
  /** Whether a read snapshot kept the writer from restarting the WAL after it (see WORKER_SOURCE). */
  pinned: boolean;
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
  ms: number;
}

export interface SqliteCheckpointer {
  close(): Promise<void>;
}

/**
 * Eval'd CommonJS like the writer's (see sqliteWriter.ts). A checkpoint with nothing new to move
 * costs a look at the WAL index; one with frames fsyncs the WAL, copies the pages and fsyncs the
 * database file. Those fsyncs stall with the disk, so they run here and never inside a commit.
 *
 * Once a checkpoint has moved every frame, SQLite's next commit restarts the WAL from its start,
 * and a restarted WAL's first commit fsyncs the new header itself, inside the commit (it must: see
 * https://sqlite.org/src/info/ff5be73dee), then overwrites old blocks. On a disk that stalls, those
 * commits were held 50–130 ms, where commits that only append to the WAL were never held over
 * 10 ms (bench/micro/disk.ts under a dd load). So a second connection, `pin`, holds a read
 * snapshot taken at the WAL's end just before each checkpoint that has frames to move: the checkpoint
 * still moves every frame up to it, but the writer, seeing a reader, appends instead of restarting.
 * Only once the WAL holds more than restartAboveBytes is the pin let go, and one commit pays for
 * the restart.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
// RESTART waits (up to this long) for the writer to finish its commit; PASSIVE never waits.
db.pragma('busy_timeout = 2000');
const pin = new Database(workerData.file);
const begin = pin.prepare('BEGIN');
const readOne = pin.prepare('SELECT 1 FROM sqlite_master LIMIT 1');
const end = pin.prepare('COMMIT');
const frameBytes = db.pragma('page_size', { simple: true }) + 24;
const checkpoint = (mode) => db.pragma('wal_checkpoint(' + mode + ')')[0];
function repin() {
  if (pin.inTransaction) end.run();
  begin.run();
  readOne.get(); // the snapshot starts with the first read
}
let walBytes = 0;
function run() {
  const t0 = performance.now();
  try {
    const limit = workerData.restartAboveBytes;
    // Pinned before the checkpoint, while it still has frames to move, the pin holds a read mark
    // (one taken when every frame is moved reads the database file and would not stop a restart).
    if (walBytes <= limit && !pin.inTransaction) repin();
    let mode = 'PASSIVE';
    let r = checkpoint(mode);
    walBytes = r.log * frameBytes;
    if (walBytes > limit) {
      // Grown enough: let go, so that once every frame is moved the next commit restarts the WAL.
      if (pin.inTransaction) end.run();
      if (walBytes > 4 * limit) r = checkpoint((mode = 'RESTART'));
      else if (r.checkpointed < r.log) r = checkpoint(mode);
    } else if (r.checkpointed < r.log) {
      // Frames newer than the pin's snapshot: pin again at the WAL's end and move them.
      repin();
      r = checkpoint(mode);
    }
    if (r.log > 0 && r.checkpointed > 0) parentPort.postMessage({ mode, pinned: pin.inTransaction, log: r.log, checkpointed: r.checkpointed, ms: performance.now() - t0 });
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err), code: err && err.code });
  }
}
const timer = setInterval(run, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m.op !== 'close') return;
  clearInterval(timer);
  if (pin.inTransaction) end.run();
  pin.close();
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
  let exited = false;
  let closed: (() => void) | null = null;
  worker.on('exit', () => {
    exited = true;
    closed?.();
  });
  worker.on('message', (m: Message) => {
    if ('closed' in m) return closed?.();
    if ('error' in m) return opts.onError?.(Object.assign(new Error(`WAL checkpoint failed: ${m.error}`), { code: m.code }));
    opts.onDone?.(m);
  });
  worker.on('error', (err) => opts.onError?.(workerFailure('the WAL checkpointer', err)));
  return {
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
