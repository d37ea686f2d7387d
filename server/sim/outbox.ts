import type { Ack } from '../../shared/protocol.js';
import type { SimCommand } from './commands.js';

/** Sends one command and resolves with the server's ack; rejects on timeout or a dropped connection. */
export type Transport = (command: SimCommand) => Promise<Ack>;

interface Entry {
  command: SimCommand;
  /** Latest-wins key: a newer queued command with the same key replaces this one. */
  key: string | null;
}

export interface OutboxOptions {
  transport: Transport;
  /** @default 200 */
  maxInFlight?: number;
  onRejected?: (command: SimCommand, error: Extract<Ack, { ok: false }>['error']) => void;
}

/**
 * Queue of commands with a cap on in-flight ones. A command stays queued until acked: one that
 * times out or is cut off by a disconnect goes back to the front and is resent with the same
 * reportId (the server applies it once). Queued commands with the same key coalesce, so a backlog
 * carries only each cell's or team's newest report.
 */
export class Outbox {
  private readonly queue: Entry[] = [];
  private readonly queuedByKey = new Map<string, Entry>();
  private inFlight = 0;
  private online = false;
  private readonly maxInFlight: number;
  readonly stats = { sent: 0, acked: 0, rejected: 0, retried: 0 };

  constructor(private readonly opts: OutboxOptions) {
    this.maxInFlight = opts.maxInFlight ?? 200;
  }

  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  push(command: SimCommand, key: string | null = null): void {
    const old = key === null ? undefined : this.queuedByKey.get(key);
    if (old) {
      old.command = command;
      return;
    }
    const entry = { command, key };
    this.queue.push(entry);
    if (key !== null) this.queuedByKey.set(key, entry);
    this.pump();
  }

  setOnline(online: boolean): void {
    this.online = online;
    this.pump();
  }

  private pump(): void {
    while (this.online && this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const entry = this.queue.shift() as Entry;
      if (entry.key !== null) this.queuedByKey.delete(entry.key);
      this.inFlight++;
      this.stats.sent++;
      this.opts.transport(entry.command).then(
        (ack) => this.settle(entry, ack),
        () => this.retry(entry),
      );
    }
  }

  private settle(entry: Entry, ack: Ack): void {
    this.inFlight--;
    if (ack.ok) this.stats.acked++;
    else {
      this.stats.rejected++;
      this.opts.onRejected?.(entry.command, ack.error);
    }
    this.pump();
  }

  private retry(entry: Entry): void {
    this.inFlight--;
    this.stats.retried++;
    // Back to the front, unless a newer report with the same key is already waiting.
    if (entry.key === null || !this.queuedByKey.has(entry.key)) {
      this.queue.unshift(entry);
      if (entry.key !== null) this.queuedByKey.set(entry.key, entry);
    }
    this.pump();
  }
}
