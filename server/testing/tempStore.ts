import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../store/sqliteStore.js';
import type { EventStore } from '../store/eventStore.js';

/** A real SQLite store in a fresh temp folder; `cleanup` closes it and deletes the folder. */
export function createTempStore(): { store: EventStore; file: string; reopen: () => EventStore; cleanup: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-'));
  const file = path.join(dir, 'log.sqlite');
  const opened: EventStore[] = [];
  const open = () => {
    const s = openSqliteStore(file);
    opened.push(s);
    return s;
  };
  return {
    store: open(),
    file,
    reopen: open,
    async cleanup() {
      for (const s of opened) await s.close().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Paths for SQLite files, each in a fresh temp folder; `removeAll` deletes the folders (call it after each test). */
export function tempFiles(prefix: string): { file: () => string; removeAll: () => void } {
  const dirs: string[] = [];
  return {
    file() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      return path.join(dir, 'log.sqlite');
    },
    removeAll() {
      for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}
