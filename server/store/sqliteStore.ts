import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { LogEvent, NewEvent } from '../../shared/events.js';
import type { EventStore, StoredSnapshot } from './eventStore.js';

interface EventRow {
  seq: number;
  type: string;
  actor: string;
  report_id: string | null;
  device_time: number | null;
  server_time: number;
  data: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq         INTEGER PRIMARY KEY,
  type        TEXT    NOT NULL,
  actor       TEXT    NOT NULL,
  report_id   TEXT    UNIQUE,
  device_time INTEGER,
  server_time INTEGER NOT NULL,
  data        TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS events_server_time ON events(server_time);
CREATE TABLE IF NOT EXISTS snapshots (
  seq        INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  state      TEXT    NOT NULL
);
`;

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

/**
 * Event log in one SQLite file (WAL). `synchronous = FULL` makes each committed transaction survive
 * a power cut, not only a crash of the process: an acknowledged field report must never be lost.
 * Callers batch events into one `append` (group commit) so that the fsync is paid once per batch.
 */
export function openSqliteStore(file: string): EventStore {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);

  const insert = db.prepare(
    'INSERT INTO events (type, actor, report_id, device_time, server_time, data) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const appendAll = db.transaction((events: NewEvent[]) =>
    events.map((e) =>
      Number(
        insert.run(e.type, e.actor, e.reportId, e.deviceTime, e.serverTime, JSON.stringify(e.data)).lastInsertRowid,
      ),
    ),
  );
  const byReport = db.prepare<[string], { seq: number }>('SELECT seq FROM events WHERE report_id = ?');
  const page = db.prepare<[number, number, number], EventRow>(
    'SELECT * FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
  );
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events');
  const snapAt = db.prepare<[number], { seq: number; created_at: number; state: string }>(
    'SELECT seq, created_at, state FROM snapshots WHERE seq <= ? ORDER BY seq DESC LIMIT 1',
  );
  const snapInsert = db.prepare('INSERT OR REPLACE INTO snapshots (seq, created_at, state) VALUES (?, ?, ?)');

  return {
    kind: 'sqlite',
    location: path.resolve(file),
    async append(events) {
      return appendAll(events);
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
      return row ? { seq: row.seq, createdAt: row.created_at, state: JSON.parse(row.state) as StoredSnapshot['state'] } : null;
    },
    async saveSnapshot(s) {
      snapInsert.run(s.seq, s.createdAt, JSON.stringify(s.state));
    },
    async countEvents() {
      return count.get()?.n ?? 0;
    },
    async close() {
      db.close();
    },
  };
}
