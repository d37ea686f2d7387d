import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';
import type { Ledger } from '../ledger/ledger.js';
import { isEmpty, type ChangeSet } from '../state/changes.js';
import { FieldPushes, type FieldPushOptions, type FieldReason } from './fieldPushes.js';
import { buildDelta } from './delta.js';
import { ChangeHistory } from './history.js';
import { SnapshotCache } from './snapshotCache.js';
import { redactDelta, redactState } from './redact.js';
import { CellCatalogCache } from './catalog.js';

type IO = Server<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export const LIVE_ROOM = 'live';
/** Walls get the aggregate picture (see redact.ts). */
export const WALL_ROOM = 'live:wall';
/** What a live client may see: everything, or a wall's aggregate picture. */
export type View = 'full' | 'wall';
const fieldRoom = (teamId: string) => `team:${teamId}`;

export interface BroadcasterOptions {
  /** Coalescing window. @default 50 */
  tickMs?: number;
  /** An empty delta is sent after this long without changes, so walls can tell quiet from dead. @default 1000 */
  heartbeatMs?: number;
  /** When a team's phone hears a fix that changed nothing else (its phone shows its own GPS); see FieldPushes. */
  field?: FieldPushOptions;
  now?: () => number;
}

/**
 * Sends each tick's changes as ONE delta to every live client: an entity changed many times in a
 * tick goes out once, in its latest state. Joining clients are served inside the tick, right after
 * the broadcast, so their snapshot (or catch-up delta) ends exactly where the next delta starts.
 */
export class Broadcaster {
  private readonly history: ChangeHistory;
  private readonly snapshots = new SnapshotCache();
  private readonly wallSnapshots = new SnapshotCache();
  /** The cells' static part, served over HTTP (server/http/api.ts) and named in every snapshot. */
  readonly catalog: CellCatalogCache;
  private readonly fieldPushes: FieldPushes;
  private joiners: { socket: LiveSocket; lastSeq: number | undefined; view: View }[] = [];
  private fieldJoiners: { socket: LiveSocket; teamId: string }[] = [];
  private broadcastSeq: number;
  private lastSentAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(
    private readonly io: IO,
    private readonly ledger: Ledger,
    private readonly opts: BroadcasterOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.broadcastSeq = ledger.state.seq;
    this.history = new ChangeHistory(ledger.state.seq);
    this.fieldPushes = new FieldPushes(opts.field);
    this.catalog = new CellCatalogCache(() => ledger.state);
    ledger.takeChanges();
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.opts.tickMs ?? 50);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Queues a client; it gets its snapshot or catch-up at the next tick. */
  join(socket: LiveSocket, lastSeq: number | undefined, view: View = 'full'): void {
    this.joiners.push({ socket, lastSeq, view });
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
      if (changes.ids.cells.size && this.catalog.noteChanged(changes.ids.cells)) delta.catalog = this.catalog.version();
      // Each room's delta is encoded once for all its sockets; an empty room costs nothing.
      if (this.occupied(LIVE_ROOM)) this.io.to(LIVE_ROOM).emit('state:delta', delta);
      if (this.occupied(WALL_ROOM)) this.io.to(WALL_ROOM).emit('state:delta', redactDelta(delta));
      this.history.push(this.broadcastSeq, toSeq, changes);
      this.broadcastSeq = toSeq;
      this.lastSentAt = now;
    } else if (now - this.lastSentAt >= (this.opts.heartbeatMs ?? 1000)) {
      this.io.to([LIVE_ROOM, WALL_ROOM]).emit('state:delta', { fromSeq: toSeq, toSeq, serverTime: now });
      this.lastSentAt = now;
    }
    const joiners = this.joiners;
    this.joiners = [];
    for (const j of joiners) if (j.socket.connected) this.serveJoiner(j.socket, j.lastSeq, j.view, now);
    const fieldJoiners = this.fieldJoiners;
    this.fieldJoiners = [];
    for (const { socket, teamId } of fieldJoiners) {
      if (!socket.connected) continue;
      const field = this.fieldPushes.joined(this.ledger.state, teamId, now);
      if (field) socket.emit('field:state', field);
      void socket.join(fieldRoom(teamId));
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

  private serveJoiner(socket: LiveSocket, lastSeq: number | undefined, view: View, now: number): void {
    const state = this.ledger.state;
    // A catch-up delta larger than a fifth of the picture costs more than a fresh snapshot.
    const entityCount = Object.keys(state.cells).length + Object.keys(state.teams).length + Object.keys(state.checkpoints).length;
    const missed =
      lastSeq !== undefined && lastSeq > 0 && lastSeq <= state.seq ? this.history.since(lastSeq, Math.max(100, entityCount / 5)) : null;
    if (missed) {
      const delta = buildDelta(state, missed, lastSeq!, state.seq, now);
      // The joiner's catalog may predate changes in the missed range: always name the current one.
      if (missed.ids.cells.size) delta.catalog = this.catalog.version();
      socket.emit('state:delta', view === 'wall' ? redactDelta(delta) : delta);
    } else {
      // Encoded once per seq for all joiners (see SnapshotCache) and written on the engine.io socket,
      // so it is queued in order with every other packet. `wsPreEncodedFrame` is the option
      // socket.io's own broadcasts pass (socket.io-adapter `_encode`); engine.io's types omit it.
      const snapshot = view === 'wall' ? this.wallSnapshot(now) : this.snapshots.encode(state, now, this.ledger.store.logId, { version: this.catalog.version(), variant: 'full' });
      socket.conn.write(snapshot.packet, { wsPreEncodedFrame: snapshot.frame } as { compress?: boolean });
    }
    void socket.join(view === 'wall' ? WALL_ROOM : LIVE_ROOM);
  }

  /** The wall's snapshot: redacted once per seq (entities memoized), then cached like the full one. */
  private wallSnapshot(now: number) {
    const state = this.ledger.state;
    const cached = this.wallSnapshots.peek(state.seq, now);
    return cached ?? this.wallSnapshots.encode(redactState(state), now, this.ledger.store.logId, { version: this.catalog.version(), variant: 'wall' });
  }
}
