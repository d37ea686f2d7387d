import type { CommandOf } from '../../../shared/commands.js';
import type { Ack } from '../../../shared/protocol.js';
import { afterAck, afterNetworkError, createItem, nextDueAt, sendOrder, wakeAll, type FieldCommand, type OutboxItem } from './queue.js';

/** Where queued reports live between page loads (IndexedDB on the phone, memory in tests). */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  delete(reportId: string): Promise<void>;
  getLastSyncAt(): Promise<number | null>;
  setLastSyncAt(at: number): Promise<void>;
}

/** The link to the server. `send` rejects on timeout or a lost connection. */
export interface OutboxTransport {
  isConnected(): boolean;
  send<N extends FieldCommand>(name: N, payload: CommandOf<N>): Promise<Ack>;
}

/** What the page shows about the queue. */
export interface OutboxView {
  items: readonly OutboxItem[];
  pending: number;
  failed: readonly OutboxItem[];
  lastSyncAt: number | null;
}

export interface OutboxOptions {
  store: OutboxStore;
  transport: OutboxTransport;
  /** Reports sent at once after the first (the newest position) is acknowledged. @default 8 */
  window?: number;
  now?: () => number;
  random?: () => number;
}

const EMPTY: OutboxView = { items: [], pending: 0, failed: [], lastSyncAt: null };

/**
 * The phone's outbox: a report is written to the store BEFORE it is sent and deleted only once the
 * server acknowledged it (durably). Resends are safe: the server applies a reportId once.
 */
export class Outbox {
  private items = new Map<string, OutboxItem>();
  private view: OutboxView = EMPTY;
  private lastSyncAt: number | null = null;
  private listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private teamId: string | null = null;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Loads what an earlier page left queued. */
  async load(): Promise<void> {
    for (const item of await this.options.store.all()) this.items.set(item.reportId, item);
    this.lastSyncAt = await this.options.store.getLastSyncAt();
    this.publish();
  }

  /** Sets the signed-in team; only its reports are sent. */
  setTeam(teamId: string | null): void {
    this.teamId = teamId;
    this.publish();
    void this.flush();
  }

  /** Queues a validated report: stored first, then sent when the link allows. */
  async add<N extends FieldCommand>(name: N, payload: CommandOf<N>, teamId: string): Promise<void> {
    const item = createItem(name, payload, teamId, this.now()) as OutboxItem;
    await this.options.store.put(item);
    this.items.set(item.reportId, item);
    this.publish();
    void this.flush();
  }

  /** Removes a failed report the user has read. */
  async dismiss(reportId: string): Promise<void> {
    await this.options.store.delete(reportId);
    this.items.delete(reportId);
    this.publish();
  }

  /** The link is back (socket connected, `online` event): retry now instead of waiting out the backoff. */
  async wake(): Promise<void> {
    for (const item of wakeAll([...this.items.values()], this.now())) this.items.set(item.reportId, item);
    await this.flush();
  }

  /** Sends what is due; a flush asked for while one runs is done right after it (same promise). */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.sendDue();
        } while (this.again);
      } finally {
        this.running = null;
        this.schedule();
      }
    })();
    return this.running;
  }

  getView = (): OutboxView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  close(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private async sendDue(): Promise<void> {
    const teamId = this.teamId;
    if (!teamId || !this.options.transport.isConnected()) return;
    const [first, ...rest] = sendOrder([...this.items.values()], teamId, this.now());
    if (!first) return;
    // The newest position goes alone, so the wall learns where the team is before the backfill.
    if (!(await this.sendOne(first))) return;
    const window = this.options.window ?? 8;
    for (let i = 0; i < rest.length; i += window) {
      const sent = await Promise.all(rest.slice(i, i + window).map((item) => this.sendOne(item)));
      if (sent.includes(false) && !this.options.transport.isConnected()) return;
    }
  }

  /** Sends one report; false when the link failed (the report stays queued). */
  private async sendOne(item: OutboxItem): Promise<boolean> {
    let ack: Ack;
    try {
      ack = await this.options.transport.send(item.name, item.payload);
    } catch {
      await this.replace(afterNetworkError(item, this.now(), this.random()));
      return false;
    }
    const outcome = afterAck(item, ack, this.now(), this.random());
    if (outcome.kind === 'keep') {
      await this.replace(outcome.item);
      return true;
    }
    await this.options.store.delete(item.reportId);
    this.items.delete(item.reportId);
    this.lastSyncAt = this.now();
    await this.options.store.setLastSyncAt(this.lastSyncAt);
    this.publish();
    return true;
  }

  private async replace(item: OutboxItem): Promise<void> {
    await this.options.store.put(item);
    this.items.set(item.reportId, item);
    this.publish();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    // Offline, nothing is due until the link comes back and calls wake().
    if (!this.options.transport.isConnected()) return;
    const at = this.teamId ? nextDueAt([...this.items.values()], this.teamId) : null;
    if (at === null) return;
    this.timer = setTimeout(() => void this.flush(), Math.max(0, at - this.now()));
  }

  private publish(): void {
    const items = [...this.items.values()].sort((a, b) => a.createdAt - b.createdAt);
    const failed = items.filter((i) => i.status === 'failed');
    this.view = { items, pending: items.length - failed.length, failed, lastSyncAt: this.lastSyncAt };
    for (const listener of this.listeners) listener();
  }
}
