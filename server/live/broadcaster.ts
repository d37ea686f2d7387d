import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';
import type { Ledger } from '../ledger/ledger.js';
import { isEmpty, type ChangeSet } from '../state/changes.js';
import { FieldPushes, type FieldPushOptions, type FieldReason } from './fieldPushes.js';
import { buildDelta } from './delta.js';
import { ChangeHistory } from './history.js';
import { redactDelta } from './redact.js';
import { JoinServer, type Joiner, type View } from './joins.js';
import { encodeEvent, writeDirect, type EncodedEvent } from './frames.js';
import { CellCatalogCache } from './catalog.js';
import { LiveReaders, type ReaderOptions } from './readers.js';
import { reject } from '../commands/validate.js';
import type { Ack } from '../../shared/protocol.js';

type IO = Server<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export const LIVE_ROOM = 'live';
/** Walls get the aggregate picture (see redact.ts). */
export const WALL_ROOM = 'live:wall';
export type { View } from './joins.js';
const fieldRoom = (teamId: string) => `team:${teamId}`;
const roomOf = (view: View) => (view === 'wall' ? WALL_ROOM : LIVE_ROOM);

/**
 * The ledger's own group-commit interval for a ledger whose commits a broadcaster's tick starts:
 * a little longer than the tick, so the tick's `commitNow` comes first and the ledger's timer is
 * only the fallback (a lone report at low load still commits at once).
 */
export const pacedCommitIntervalMs = (tickMs = 50): number => tickMs + 10;

export interface BroadcasterOptions {
  /** Coalescing window. @default 50 */
  tickMs?: number;
  /** An empty delta is sent after this long without changes, so walls can tell quiet from dead. @default 1000 */
  heartbeatMs?: number;
  /** When a team's phone hears a fix that changed nothing else (its phone shows its own GPS); see FieldPushes. */
  field?: FieldPushOptions;
  /** Time a tick may spend serving joiners (see joins.ts). @default 15 */
  joinBudgetMs?: number;
  /** When a screen that stopped reading is dropped from the broadcast (see readers.ts). */
  readers?: ReaderOptions;
  now?: () => number;
}

/**
 * Sends each tick's changes as ONE delta to every live client: an entity changed many times in a
 * tick goes out once, in its latest state. Joining clients are served inside the tick, right after
 * the broadcast, so their snapshot (or catch-up delta) ends exactly where the next delta starts.
 */
export class Broadcaster {
  private readonly history: ChangeHistory;
  private readonly joins: JoinServer;
  /** The cells' static part, served over HTTP (server/http/api.ts) and named in every snapshot. */
  readonly catalog: CellCatalogCache;
  private readonly fieldPushes: FieldPushes;
  private joiners: Joiner[] = [];
  private readonly readers: LiveReaders<{ socket: LiveSocket; view: View }>;
  private lastStallCheck = 0;
  /** Screens taken out of the broadcast for not reading, and served again once they did. */
  readonly readerStats = { dropped: 0, resumed: 0 };
  private fieldJoiners: { socket: LiveSocket; teamId: string }[] = [];
  private broadcastSeq: number;
  private lastSentAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private committing = false;
  private readonly now: () => number;

  constructor(
    private readonly io: IO,
    private readonly ledger: Ledger,
    private readonly opts: BroadcasterOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.broadcastSeq = ledger.state.seq;
    this.history = new ChangeHistory(ledger.state.seq);
    this.readers = new LiveReaders(ledger.state.seq, opts.readers);
    this.fieldPushes = new FieldPushes(opts.field);
    this.catalog = new CellCatalogCache(() => ledger.state);
    this.joins = new JoinServer(ledger, this.history, this.catalog, opts.joinBudgetMs);
    ledger.takeChanges();
  }

  /**
   * Each tick first commits what the ledger holds (`commitNow`) and broadcasts once that commit
   * is folded, so a report waits for one tick, not for a commit and then for a tick. With the
   * ledger's own commit interval longer than the tick (`pacedCommitIntervalMs`), that is one
   * commit per tick: the log pays one fsync, one hand-over to its writer thread, per tick. A
   * commit the disk is still holding at the next tick does not hold that tick (joiners,
   * heartbeats, stalled screens); its changes go out as soon as it ends.
   */
  start(): void {
    this.timer ??= setInterval(() => this.commitThenTick(), this.opts.tickMs ?? 50);
  }

  private commitThenTick(): void {
    if (this.committing) return this.tick();
    this.committing = true;
    void this.ledger.commitNow().finally(() => {
      this.committing = false;
      // In a turn of its own: the commit's fold and acks, then the event loop, then the broadcast.
      setImmediate(() => this.timer && this.tick()); // not after stop()
    });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Queues a client; it gets its snapshot or catch-up at the next tick. */
  join(socket: LiveSocket, lastSeq: number | undefined, view: View = 'full'): void {
    this.joiners.push({ socket, lastSeq, view });
    socket.once('disconnect', () => this.readers.remove(socket.id));
  }

  /**
   * A live screen's receipt (`live:ack`): the last seq it applied. Drops nothing by itself; a
   * screen that was dropped for not reading is served again once it has read what it was sent.
   */
  ack(socket: LiveSocket, seq: number): Ack {
    const res = this.readers.ack(socket.id, seq);
    if (res.kind === 'unknown') return reject('invalid', 'this socket is not receiving the live picture');
    if (res.kind === 'ahead') return reject('invalid', `seq ${seq} was never sent to this socket (last sent: ${res.sentSeq})`);
    if (res.kind === 'resume') {
      this.readerStats.resumed++;
      this.joiners.push({ socket, lastSeq: res.reader.ackedSeq, view: res.reader.item.view });
    }
    return { ok: true, seq: this.broadcastSeq, duplicate: false };
  }

  /** Queues a field team's phone; it gets its team and tasks at the next tick, then on every change. */
  joinField(socket: LiveSocket, teamId: string): void {
    this.fieldJoiners.push({ socket, teamId });
  }

  /** One broadcast tick. Public so tests can drive time themselves. */
  tick(): void {
    const now = this.now();
    const changes = this.ledger.takeChanges();
    const toSeq = this.ledger.state.seq;
    this.sendFieldStates(changes, now);
    if (!isEmpty(changes)) {
      const delta = buildDelta(this.ledger.state, changes, this.broadcastSeq, toSeq, now);
      // A grid import changed outlines or names: clients fetch the new catalog before this delta.
      if (changes.ids.cells.size && this.catalog.noteChanged(changes.ids.cells)) {
        delta.catalog = this.catalog.version();
        this.catalog.warm();
      }
      // Each room's delta is encoded once for all its sockets; an empty room costs nothing.
      if (this.occupied(LIVE_ROOM)) this.toRoom(LIVE_ROOM, encodeEvent('state:delta', delta, { oneBuffer: true }));
      if (this.occupied(WALL_ROOM)) this.toRoom(WALL_ROOM, encodeEvent('state:delta', redactDelta(delta), { oneBuffer: true }));
      this.history.push(this.broadcastSeq, toSeq, changes);
      this.broadcastSeq = toSeq;
      this.lastSentAt = now;
      this.readers.broadcast(toSeq, now);
    } else if (now - this.lastSentAt >= (this.opts.heartbeatMs ?? 1000)) {
      const heartbeat = encodeEvent('state:delta', { fromSeq: toSeq, toSeq, serverTime: now }, { oneBuffer: true });
      this.toRoom(LIVE_ROOM, heartbeat);
      this.toRoom(WALL_ROOM, heartbeat);
      this.lastSentAt = now;
      this.readers.broadcast(toSeq, now);
    }
    if (now - this.lastStallCheck >= this.readers.checkEveryMs) this.dropStalled(now);
    // Those past the tick's budget wait, in order, for the next one (nothing joins during a tick).
    this.joiners = this.joins.serve(this.joiners, now, ({ socket, view }) => {
      void socket.join(roomOf(view));
      this.readers.served(socket.id, { socket, view }, this.ledger.state.seq);
    });
    const fieldJoiners = this.fieldJoiners;
    this.fieldJoiners = [];
    for (const { socket, teamId } of fieldJoiners) {
      if (!socket.connected) continue;
      const field = this.fieldPushes.joined(this.ledger.state, teamId, now);
      if (field) socket.emit('field:state', field);
      void socket.join(fieldRoom(teamId));
    }
  }

  /**
   * What `io.to(room).emit` does (encode once, write the same frame to every socket), with the
   * frame in one buffer: ws then makes one `write` per socket instead of cork, two writes and a
   * `writev`, ~0.5–1 µs less of ~9 µs per socket (`npx tsx bench/micro/frames.ts`); and straight
   * to the websocket when engine.io has nothing queued for it (`writeDirect`, ~2.5 µs less of ~12).
   * At W that is ~10,000 writes a second, the largest item of the server's profile.
   */
  private toRoom(room: string, e: EncodedEvent): void {
    const ids = this.io.sockets.adapter.rooms.get(room);
    if (!ids) return;
    for (const id of ids) {
      const socket = this.io.sockets.sockets.get(id);
      if (socket) writeDirect(socket, e);
    }
  }

  private occupied(room: string): boolean {
    return !!this.io.sockets.adapter.rooms.get(room)?.size;
  }

  /** Tells each signed-in team whose team or tasks changed (a fix alone less often: see FieldPushes). */
  private sendFieldStates(changes: ChangeSet, now: number): void {
    const named = new Map<string, FieldReason>();
    for (const id of changes.ids.teams) named.set(id, 'team');
    for (const id of changes.ids.tasks) {
      const teamId = this.ledger.state.tasks[id]?.teamId;
      if (teamId) named.set(teamId, 'task');
      for (const earlier of this.fieldPushes.teamsShowing(id)) named.set(earlier, 'task');
    }
    const due = this.fieldPushes.due(this.ledger.state, named, now, (teamId) => this.occupied(fieldRoom(teamId)));
    for (const [teamId, field] of due) this.io.to(fieldRoom(teamId)).emit('field:state', field);
  }

  /** Takes screens that stopped reading out of the broadcast, so nothing more queues up for them. */
  private dropStalled(now: number): void {
    this.lastStallCheck = now;
    for (const r of this.readers.dropStalled(now)) {
      this.readerStats.dropped++;
      void r.item.socket.leave(roomOf(r.item.view));
    }
  }
}
