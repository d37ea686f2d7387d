import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { LogEvent, NewEvent } from '../../shared/events.js';
import type { EntityEventsOptions, EventStore, StoredSnapshot } from './eventStore.js';
import { migrate, logIdOf } from './sqliteSchema.js';
import { entitiesOf } from '../history/entities.js';
import { stringifyInSlices } from './snapshotJson.js';
import { inlineSqliteWriter, startSqliteWriter, type WriteRow } from './sqliteWriter.js';
import type { CheckpointerOptions } from './sqliteCheckpointer.js';

const deflate = promisify(zlib.deflate);

interface EventRow {
  seq: number;
  type: string;
  actor: string;
  report_id: string | null;
  device_time: number | null;
  server_time: number;
  data: string;
  entity: string | null;
}

function toEvent(row: EventRow): LogEvent {
  return {
    seq: row.seq,
    type: row.type as LogEvent['type'],
    actor: row.actor,
    reportId: row.report_id,
    deviceTime: row.device_time,
    serverTime: row.server_time,
    data: JSON.parse(row.data) as LogEvent['data'],
  };
}

export interface SqliteStoreOptions {
  /**
   * Where write transactions (insert, COMMIT and its fsync) run: on a worker thread with its own
   * connection, so the event loop never waits for the disk; or inline on the caller's thread.
   * @default 'thread'
   */
  writer?: 'thread' | 'inline';
  /** The thread writer's WAL checkpoints (how often; who hears of a failed one). */
  checkpoints?: CheckpointerOptions;
}

function toRow(e: NewEvent): WriteRow {
  const [primary, ...others] = entitiesOf(e);
  return [e.type, e.actor, e.reportId, e.deviceTime, e.serverTime, JSON.stringify(e.data), primary ?? null, others];
}

/**
 * Event log in one SQLite file (WAL). Every append is fsynced before `append` resolves (or, with
 * `appendCommitted`, before its `durable` does), so an acknowledged field report survives a power
 * cut, not only a crash of the process: it must never be lost. Callers batch events into one append
 * (group commit) so that the fsync is paid once per batch.
 * This thread's connection only reads once the file is open; writes go to the writer (see options).
 */
export function openSqliteStore(file: string, opts: SqliteStoreOptions = {}): EventStore {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db);
  const logId = logIdOf(db);
  const writer = opts.writer === 'inline' ? inlineSqliteWriter(db) : startSqliteWriter(file, opts.checkpoints);

  const history = historyQueries(db);
  const byReport = db.prepare<[string], { seq: number }>('SELECT seq FROM events WHERE report_id = ?');
  const page = db.prepare<[number, number, number], EventRow>(
    'SELECT * FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
  );
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events');
  const snapAt = db.prepare<[number], { seq: number; created_at: number; state: string; state_z: Buffer | null }>(
    'SELECT seq, created_at, state, state_z FROM snapshots WHERE seq <= ? ORDER BY seq DESC LIMIT 1',
  );

  return {
    kind: 'sqlite',
    logId,
    location: path.resolve(file),
    async append(events) {
      const committed = await writer.append(events.map(toRow));
      await committed.durable;
      return committed.seqs;
    },
    async appendCommitted(events) {
      return writer.append(events.map(toRow));
    },
    async findReport(reportId) {
      return byReport.get(reportId)?.seq ?? null;
    },
    async *readEvents(afterSeq, toSeq = Number.MAX_SAFE_INTEGER) {
      // Pages of rows so a million-event replay never holds the whole log in memory.
      const size = 5000;
      let from = afterSeq;
      for (;;) {
        const rows = page.all(from, toSeq, size);
        for (const row of rows) yield toEvent(row);
        if (rows.length < size) return;
        from = rows[rows.length - 1]!.seq;
      }
    },
    async lastSeq() {
      return maxSeq.get()?.seq ?? 0;
    },
    async latestSnapshot(atSeq = Number.MAX_SAFE_INTEGER) {
      const row = snapAt.get(atSeq);
      if (!row) return null;
      const json = row.state_z ? zlib.inflateSync(row.state_z).toString('utf8') : row.state;
      return { seq: row.seq, createdAt: row.created_at, state: JSON.parse(json) as StoredSnapshot['state'] };
    },
    async saveSnapshot(s) {
      // Level 1: a 5 MB state deflates to ~0.4 MB in ~15 ms (on libuv's pool, not the event loop),
      // so snapshots can be frequent (fast time travel) yet small. The JSON is made in slices too.
      await writer.saveSnapshot(s.seq, s.createdAt, await deflate(await stringifyInSlices(s.state), { level: 1 }));
    },
    async countEvents() {
      return count.get()?.n ?? 0;
    },
    ...history,
    async close() {
      await writer.close();
      db.close();
    },
  };
}

/** The read side of entity history and time travel; every query walks an index. */
function historyQueries(db: Database.Database) {
  // Each side is limited before the union so a team with 100,000 fixes costs `limit` rows, not 100,000.
  const byEntity = (dir: 'ASC' | 'DESC') =>
    db.prepare<{ entity: string; after: number; before: number; limit: number }, EventRow>(`
      SELECT * FROM events WHERE seq IN (
        SELECT seq FROM (SELECT seq FROM events WHERE entity = @entity AND seq > @after AND seq < @before ORDER BY seq ${dir} LIMIT @limit)
        UNION
        SELECT seq FROM (SELECT seq FROM event_entities WHERE entity = @entity AND seq > @after AND seq < @before ORDER BY seq ${dir} LIMIT @limit)
      ) ORDER BY seq ${dir} LIMIT @limit`);
  const entityQuery = { newest: byEntity('DESC'), oldest: byEntity('ASC') };
  const between = db.prepare<[number, number, number, number], EventRow>(
    'SELECT * FROM events WHERE server_time >= ? AND server_time <= ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  // Server time is stamped at admission in log order, so it only goes back if the host clock steps
  // back; taking the newest server_time ≤ t (ties: highest seq) keeps this one index probe.
  const atTime = db.prepare<[number], { seq: number }>(
    'SELECT seq FROM events WHERE server_time <= ? ORDER BY server_time DESC, seq DESC LIMIT 1',
  );
  const snapSeq = db.prepare<[number], { seq: number }>('SELECT seq FROM snapshots WHERE seq <= ? ORDER BY seq DESC LIMIT 1');
  return {
    async snapshotSeqAt(atSeq: number) {
      return snapSeq.get(atSeq)?.seq ?? null;
    },
    async entityEvents(entity: string, { limit = 100, beforeSeq = Number.MAX_SAFE_INTEGER, afterSeq = 0, order = 'newest' }: EntityEventsOptions = {}) {
      return entityQuery[order].all({ entity, after: afterSeq, before: beforeSeq, limit }).map(toEvent);
    },
    async eventsBetween(from: number, to: number, { limit = 1000, afterSeq = 0 } = {}) {
      return between.all(from, to, afterSeq, limit).map(toEvent);
    },
    async seqAt(serverTime: number) {
      return atTime.get(serverTime)?.seq ?? 0;
    },
  };
}
