import type { Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';
import type { Ledger } from '../ledger/ledger.js';
import type { ChangeSet } from '../state/changes.js';
import type { CellCatalogCache } from './catalog.js';
import { buildDelta } from './delta.js';
import type { ChangeHistory } from './history.js';
import { redactDelta, redactState } from './redact.js';
import { encodeEvent, SnapshotCache, writeEncoded, type EncodedEvent, type EncodedSnapshot } from './snapshotCache.js';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
/** What a live client may see: everything, or a wall's aggregate picture (redact.ts). */
export type View = 'full' | 'wall';

/** A screen to bring up to the broadcast: from its last seq, or from nothing. */
export interface Joiner {
  socket: LiveSocket;
  lastSeq: number | undefined;
  view: View;
}

/**
 * Brings joining (and resyncing) screens up to the seq the broadcast is at, inside the tick, so that
 * what they are sent ends exactly where the next delta starts:
 * - a screen that knows a recent seq gets a catch-up delta of what changed since;
 * - otherwise a snapshot. Encoding the 1.4 MB snapshot costs milliseconds and a 1.4 MB buffer, and
 *   under load the seq moves every tick, so a joiner gets the snapshot encoded within the last
 *   second (whatever its seq) followed by the catch-up from that seq. A join storm encodes about
 *   one snapshot per second instead of one per tick.
 * Catch-ups are encoded once per tick for every joiner that needs the same one. Writing a 1.4 MB
 * snapshot costs the server ~1–5 ms per joiner (mostly the kernel's copy), so a tick serves joiners
 * for at most `budgetMs` and leaves the rest for the next tick: a storm of 100 joins a second no
 * longer holds the event loop for one long tick.
 */
export class JoinServer {
  private readonly snapshots = new SnapshotCache();
  private readonly wallSnapshots = new SnapshotCache();
  /** Catch-ups encoded this tick, by view and starting seq. */
  private catchUps = new Map<string, EncodedEvent>();

  constructor(
    private readonly ledger: Ledger,
    private readonly history: ChangeHistory,
    private readonly catalog: CellCatalogCache,
    /** Time a tick may spend serving joiners; at least one is served per tick. @default 15 */
    private readonly budgetMs = 15,
  ) {}

  /** Serves one tick's joiners (the broadcast for this tick has gone out); returns those left for the next tick. */
  serve(joiners: readonly Joiner[], now: number, served: (j: Joiner) => void): Joiner[] {
    this.catchUps = new Map();
    const limit = joiners.length ? this.catchUpLimit() : 0;
    const started = performance.now();
    let i = 0;
    for (; i < joiners.length; i++) {
      const j = joiners[i]!;
      if (!j.socket.connected) continue;
      if (i > 0 && performance.now() - started > this.budgetMs) break;
      this.serveOne(j, now, limit);
      served(j);
    }
    this.catchUps.clear();
    return joiners.slice(i);
  }

  private serveOne({ socket, lastSeq, view }: Joiner, now: number, limit: number): void {
    const state = this.ledger.state;
    const missed = lastSeq !== undefined && lastSeq > 0 && lastSeq <= state.seq ? this.history.since(lastSeq, limit) : null;
    if (missed) return writeEncoded(socket, this.catchUp(view, lastSeq!, missed, now));
    const cache = view === 'wall' ? this.wallSnapshots : this.snapshots;
    const recent = cache.latest(now);
    const since = recent && recent.seq <= state.seq ? this.history.since(recent.seq, limit) : null;
    if (recent && since) {
      writeEncoded(socket, recent);
      if (recent.seq < state.seq) writeEncoded(socket, this.catchUp(view, recent.seq, since, now));
      return;
    }
    writeEncoded(socket, this.snapshot(view, now));
  }

  /** A catch-up delta larger than a fifth of the picture costs more than a fresh snapshot. Once per tick: it lists 5,000 keys. */
  private catchUpLimit(): number {
    const s = this.ledger.state;
    return Math.max(100, (Object.keys(s.cells).length + Object.keys(s.teams).length + Object.keys(s.checkpoints).length) / 5);
  }

  private catchUp(view: View, fromSeq: number, changes: ChangeSet, now: number): EncodedEvent {
    const key = `${view}:${fromSeq}`;
    let encoded = this.catchUps.get(key);
    if (!encoded) {
      const delta = buildDelta(this.ledger.state, changes, fromSeq, this.ledger.state.seq, now);
      // The joiner's catalog may predate changes in the missed range: always name the current one.
      if (changes.ids.cells.size) delta.catalog = this.catalog.version();
      encoded = encodeEvent('state:delta', view === 'wall' ? redactDelta(delta) : delta);
      this.catchUps.set(key, encoded);
    }
    return encoded;
  }

  private snapshot(view: View, now: number): EncodedSnapshot {
    const state = this.ledger.state;
    const logId = this.ledger.store.logId;
    const version = this.catalog.version();
    if (view === 'full') return this.snapshots.encode(state, now, logId, { version, variant: 'full' });
    // The wall's picture is redacted once per seq (entities memoized), then cached like the full one.
    return this.wallSnapshots.peek(state.seq, now) ?? this.wallSnapshots.encode(redactState(state), now, logId, { version, variant: 'wall' });
  }
}
