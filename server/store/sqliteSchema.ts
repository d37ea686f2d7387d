import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import type { NewEvent } from '../../shared/events.js';
import { entitiesOf } from '../history/entities.js';

const TABLES = `
CREATE TABLE IF NOT EXISTS events (
  seq         INTEGER PRIMARY KEY,
  type        TEXT    NOT NULL,
  actor       TEXT    NOT NULL,
  report_id   TEXT    UNIQUE,
  device_time INTEGER,
  server_time INTEGER NOT NULL,
  data        TEXT    NOT NULL,
  entity      TEXT
);
CREATE INDEX IF NOT EXISTS events_server_time ON events(server_time);
CREATE TABLE IF NOT EXISTS snapshots (
  seq        INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  state      TEXT    NOT NULL,
  -- The state as deflated JSON (14x smaller for 5,000 cells); state is then ''. Older rows have only state.
  state_z    BLOB
);
-- One row per setting of the log itself; log_id names this history so clients can tell a new log from an old one.
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- The other entities an event names besides its primary one (an incident's checkpoint, a task's team).
CREATE TABLE IF NOT EXISTS event_entities (
  entity TEXT    NOT NULL,
  seq    INTEGER NOT NULL,
  PRIMARY KEY (entity, seq)
) WITHOUT ROWID;
`;

// After the migration, because a log written before entity history has no `entity` column yet.
const INDEXES = 'CREATE INDEX IF NOT EXISTS events_entity ON events(entity, seq);';

/** Creates the tables, and gives a log from before entity history its entity index (once). */
export function migrate(db: Database.Database): { backfilled: number } {
  db.exec(TABLES);
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(events)').all();
  let backfilled = 0;
  if (!columns.some((c) => c.name === 'entity')) {
    db.exec('ALTER TABLE events ADD COLUMN entity TEXT');
    backfilled = db.transaction(() => backfillEntities(db))();
  }
  const snapshotColumns = db.prepare<[], { name: string }>('PRAGMA table_info(snapshots)').all();
  if (!snapshotColumns.some((c) => c.name === 'state_z')) db.exec('ALTER TABLE snapshots ADD COLUMN state_z BLOB');
  db.exec(INDEXES);
  return { backfilled };
}

function backfillEntities(db: Database.Database): number {
  const page = db.prepare<[number], { seq: number; type: string; data: string }>(
    'SELECT seq, type, data FROM events WHERE seq > ? ORDER BY seq LIMIT 5000',
  );
  const setPrimary = db.prepare('UPDATE events SET entity = ? WHERE seq = ?');
  const addOthers = otherEntitiesWriter(db);
  let from = 0;
  let n = 0;
  for (;;) {
    const rows = page.all(from);
    for (const row of rows) {
      const [primary, ...others] = entitiesOf({ type: row.type, data: JSON.parse(row.data) } as NewEvent);
      setPrimary.run(primary ?? null, row.seq);
      addOthers(row.seq, others);
    }
    n += rows.length;
    if (rows.length < 5000) return n;
    from = rows[rows.length - 1]!.seq;
  }
}

/** Records the entities of the event at `seq` other than its primary one (which lives on the row). */
export function otherEntitiesWriter(db: Database.Database): (seq: number, others: string[]) => void {
  const add = db.prepare('INSERT OR IGNORE INTO event_entities (entity, seq) VALUES (?, ?)');
  return (seq, others) => {
    for (const entity of others) add.run(entity, seq);
  };
}

/** This log's id, made once when the file is created. */
export function logIdOf(db: Database.Database): string {
  const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'log_id'").get();
  if (row) return row.value;
  const id = crypto.randomUUID();
  db.prepare("INSERT INTO meta (key, value) VALUES ('log_id', ?)").run(id);
  return id;
}
