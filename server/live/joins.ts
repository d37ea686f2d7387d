import type { Socket } from 'socket.io';
import type { ClientToServerEvents, PictureState, ServerToClientEvents } from '../../shared/protocol.js';
import type { CatalogRef } from '../../shared/catalog.js';
import type { Ledger } from '../ledger/ledger.js';
import type { ChangeSet } from '../state/changes.js';
import type { CellCatalogCache } from './catalog.js';
import { buildDelta } from './delta.js';
import type { ChangeHistory } from './history.js';
import { redactDelta, redactState } from './redact.js';
import { encodeEvent, writeEncoded, type EncodedEvent } from './frames.js';
import { SnapshotCache, type EncodedSnapshot } from './snapshotCache.js';

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
 * - otherwise a snapshot. Under load the seq moves every tick, so a joiner gets the snapshot
 *   encoded within the last second (whatever its seq) followed by the catch-up from that seq: a join
 *   storm encodes about one snapshot per second instead of one per tick.
 * A picture of `inlineBelow` entities or more is encoded between ticks, in slices (SnapshotCache
 * `begin`): its joiners wait a tick or two, and no tick holds the event loop for the whole picture
 * (~10 ms for 5,000 cells, more with a collection in it). A fresh one is begun once the last is half
 * its age, so a storm's joiners rarely wait. Catch-ups are encoded once per tick for every joiner that
 * needs the same one, and a tick serves joiners for at most `budgetMs` and leaves the rest for the next.
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
    /** Pictures with fewer entities than this are encoded inside the tick (a millisecond or two). @default 2000 */
    private readonly inlineBelow = 2000,
  ) {}

  /** Serves one tick's joiners (the broadcast for this tick has gone out); returns those left for a later tick, in order. */
  serve(joiners: readonly Joiner[], now: number, served: (j: Joiner) => void): Joiner[] {
    this.catchUps = new Map();
    const size = joiners.length ? this.pictureSize() : 0;
    const started = performance.now();
    const left: Joiner[] = [];
    let count = 0;
    for (const j of joiners) {
      if (!j.socket.connected) continue;
      if (count > 0 && performance.now() - started > this.budgetMs) left.push(j);
      else if (this.serveOne(j, now, size)) {
        served(j);
        count++;
      } else left.push(j);
    }
    this.catchUps.clear();
    return left;
  }

  /** Writes what the joiner needs; false when its snapshot is still being encoded. */
  private serveOne({ socket, lastSeq, view }: Joiner, now: number, size: number): boolean {
    const state = this.ledger.state;
    // A catch-up delta larger than a fifth of the picture costs more than a fresh snapshot.
    const limit = Math.max(100, size / 5);
    const missed = lastSeq !== undefined && lastSeq > 0 && lastSeq <= state.seq ? this.history.since(lastSeq, limit) : null;
    if (missed) {
      writeEncoded(socket, this.catchUp(view, lastSeq!, missed, now));
      return true;
    }
    const cache = this.cacheFor(view);
    const recent = cache.latest(now);
    const since = recent && recent.seq <= state.seq ? this.history.since(recent.seq, limit) : null;
    const large = size >= this.inlineBelow;
    if (recent && since) {
      writeEncoded(socket, recent);
      if (recent.seq < state.seq) writeEncoded(socket, this.catchUp(view, recent.seq, since, now));
      if (large && now - recent.readyAt > cache.maxAgeMs / 2) this.begin(view, now);
      return true;
    }
    if (large) {
      this.begin(view, now);
      return false;
    }
    writeEncoded(socket, this.snapshot(view, now));
    return true;
  }

  /** Entities in the picture, once per tick (it lists 5,000 keys). */
  private pictureSize(): number {
    const s = this.ledger.state;
    return Object.keys(s.cells).length + Object.keys(s.teams).length + Object.keys(s.checkpoints).length;
  }

  /** Starts encoding the picture at this tick's seq between ticks, unless one is under way. A failed gzip leaves no packet: the next tick begins again. */
  private begin(view: View, now: number): void {
    const cache = this.cacheFor(view);
    if (!cache.busy) cache.begin(this.pictureFor(view), now, this.ledger.store.logId, this.catalogRef(view));
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
    const cache = this.cacheFor(view);
    return cache.peek(this.ledger.state.seq, now) ?? cache.encode(this.pictureFor(view), now, this.ledger.store.logId, this.catalogRef(view));
  }

  private cacheFor(view: View): SnapshotCache {
    return view === 'wall' ? this.wallSnapshots : this.snapshots;
  }

  /** What the view is shown: the wall's picture is redacted (entities memoized, so once per change). */
  private pictureFor(view: View): PictureState {
    return view === 'wall' ? redactState(this.ledger.state) : this.ledger.state;
  }

  private catalogRef(view: View): CatalogRef {
    return { version: this.catalog.version(), variant: view };
  }
}
