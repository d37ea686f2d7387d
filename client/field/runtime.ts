import type { CommandOf } from '../../shared/commands.js';
import type { Ack } from '../../shared/protocol.js';
import { openFieldDatabase, type FieldDatabase } from './outbox/idbStore.js';
import { createMemoryStore } from './outbox/memoryStore.js';
import { Outbox, type OutboxTransport } from './outbox/outbox.js';
import type { FieldCommand } from './outbox/queue.js';

/** The outbox's link, plugged into the socket of the signed-in team (none while signed out). */
export interface SwitchableLink extends OutboxTransport {
  set(transport: OutboxTransport | null): void;
}

function createSwitchableLink(): SwitchableLink {
  let current: OutboxTransport | null = null;
  return {
    set: (t) => void (current = t),
    isConnected: () => current?.isConnected() ?? false,
    send<N extends FieldCommand>(name: N, payload: CommandOf<N>): Promise<Ack> {
      return current ? current.send(name, payload) : Promise.reject(new Error('no link'));
    },
  };
}

/** What the field page keeps for its whole life: the phone's database, the outbox and its link. */
export interface FieldRuntime {
  /** Null when IndexedDB is unavailable (some private modes): reports then live only as long as the page. */
  db: FieldDatabase | null;
  outbox: Outbox;
  link: SwitchableLink;
}

let started: Promise<FieldRuntime> | null = null;

/** Opens the database and loads the outbox once per page, however often React mounts. */
export function startRuntime(): Promise<FieldRuntime> {
  started ??= (async () => {
    const db = await openFieldDatabase().catch(() => null);
    const link = createSwitchableLink();
    const outbox = new Outbox({ store: db ?? createMemoryStore(), transport: link });
    await outbox.load();
    return { db, outbox, link };
  })();
  return started;
}
