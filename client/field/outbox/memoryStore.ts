import type { OutboxStore } from './outbox.js';
import type { OutboxItem } from './queue.js';

/** An OutboxStore in memory, for tests and for browsers without IndexedDB (private mode). */
export function createMemoryStore(initial: OutboxItem[] = []): OutboxStore & { items: Map<string, OutboxItem> } {
  const items = new Map(initial.map((i) => [i.reportId, structuredClone(i)]));
  let lastSyncAt: number | null = null;
  return {
    items,
    async all() {
      return [...items.values()].map((i) => structuredClone(i));
    },
    async put(item) {
      items.set(item.reportId, structuredClone(item));
    },
    async delete(reportId) {
      items.delete(reportId);
    },
    async getLastSyncAt() {
      return lastSyncAt;
    },
    async setLastSyncAt(at) {
      lastSyncAt = at;
    },
  };
}
