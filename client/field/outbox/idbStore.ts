import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FieldState } from '../../../shared/protocol.js';
import type { OutboxStore } from './outbox.js';
import type { OutboxItem } from './queue.js';

interface FieldDb extends DBSchema {
  outbox: { key: string; value: OutboxItem };
  meta: { key: 'lastSyncAt' | 'fieldState'; value: number | FieldState };
}

/** The phone's IndexedDB: queued reports and the last field state (so an offline reload still shows the team). */
export interface FieldDatabase extends OutboxStore {
  getFieldState(): Promise<FieldState | null>;
  setFieldState(state: FieldState | null): Promise<void>;
}

export async function openFieldDatabase(name = 'gridcommand-field'): Promise<FieldDatabase> {
  const db: IDBPDatabase<FieldDb> = await openDB<FieldDb>(name, 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'reportId' });
      d.createObjectStore('meta');
    },
  });
  return {
    all: () => db.getAll('outbox'),
    put: async (item) => void (await db.put('outbox', item)),
    delete: (reportId) => db.delete('outbox', reportId),
    getLastSyncAt: async () => {
      const at = await db.get('meta', 'lastSyncAt');
      return typeof at === 'number' ? at : null;
    },
    setLastSyncAt: async (at) => void (await db.put('meta', at, 'lastSyncAt')),
    getFieldState: async () => {
      const state = await db.get('meta', 'fieldState');
      return typeof state === 'object' ? state : null;
    },
    setFieldState: async (state) => {
      if (state) await db.put('meta', state, 'fieldState');
      else await db.delete('meta', 'fieldState');
    },
  };
}
