import { io as connectIo, type Socket } from 'socket.io-client';
import type { Delta, Snapshot } from '../../shared/protocol.js';
import type { WireDelta, PackedSnapshot } from '../../shared/catalog.js';
import { createCatalogFeed, fetchCatalog } from '../../shared/catalogFeed.js';
import type { Cell, Checkpoint, Team } from '../../shared/entities.js';
import { applyDelta, applySnapshot, deltaFit, type WallState } from '../../client/state/picture.js';
import type { BenchTokens, Design } from '../ipc.js';
import { DeltaCache, deliveriesOf, readFrame, type EntityIndex } from './frames.js';
import { RawClient } from './rawClient.js';
import { WallTracker } from './tracker.js';

export interface WallContext {
  design: Design;
  url: string;
  index: EntityIndex;
  deltas: DeltaCache;
  /** Ours: the wall token every bench wall presents. */
  tokens: BenchTokens | null;
  /** Baseline walls connected before the load skip the whole-state JSON (setup only; see LoadPlan). */
  naiveSkipState?: boolean;
}

/** Like the wall page (client/live/socket.ts): confirm the applied seq at most once a second, on receipt or by timer. */
export const RECEIPT_EVERY_MS = 1000;

/** One screen of the wall, played by a raw client: it reads frame headers and counts deliveries. */
export class RawWall {
  readonly client: RawClient;
  readonly startedAt = Date.now();
  /** When its first whole picture arrived. */
  mapAt = 0;
  /** Consecutive deltas chained onto the picture since the last snapshot. */
  chained = 0;
  paused = false;
  resumedAt = 0;
  /** When a slow wall was shown a picture again after resuming. */
  caughtUpAt = 0;
  resyncedBySnapshot = false;
  /** Size of the first picture it was sent (snapshot or full state), bytes. */
  firstSnapshotBytes = 0;
  private lastReceiptAt = 0;

  constructor(
    private readonly ctx: WallContext,
    readonly tracker: WallTracker,
    name: string,
  ) {
    const skipState = ctx.design === 'naive' && ctx.naiveSkipState;
    const auth = { device: name, ...(skipState && { skipState }), ...(ctx.tokens && { token: ctx.tokens.wall }) };
    this.client = new RawClient({ url: ctx.url, auth, onEvent: (f, at) => this.onEvent(f, at) });
    // Connected before any report is sent, such a wall misses nothing by skipping the state.
    if (skipState) void this.client.connected.then(() => (this.mapAt = Date.now()));
  }

  private onEvent(frame: Buffer, at: number): void {
    const f = readFrame(frame, this.ctx.index);
    const t = this.tracker;
    if (f.kind === 'snapshot') {
      t.snapshot(f.seq, at);
      if (!this.mapAt) {
        this.mapAt = at;
        this.firstSnapshotBytes = frame.length;
      }
      this.chained = 0;
      if (this.resumedAt && !this.caughtUpAt) this.resyncedBySnapshot = true;
    } else if (f.kind === 'delta') {
      if (t.seq >= 0 && f.fromSeq > t.seq) t.gaps++;
      if (f.toSeq > f.fromSeq) {
        const d = this.ctx.deltas.get(frame, f.fromSeq, f.toSeq);
        for (let i = 0; i < d.entities.length; i++) t.deliver(d.entities[i]!, d.versions[i]!, at);
      }
      t.seq = Math.max(t.seq, f.toSeq);
      this.chained++;
    } else if (f.kind === 'update') {
      t.deliver(f.entity, f.version, at);
    }
    // Live again once it shows a report made after it resumed reading.
    if (this.resumedAt && !this.caughtUpAt && t.latestSentShown >= this.resumedAt) this.caughtUpAt = at;
    this.confirm(at);
  }

  /** Sends a receipt for the seq it has read (ours only; the baseline has no such event). Called on frames and by a timer. */
  confirm(now: number): void {
    if (this.ctx.design !== 'ours' || this.tracker.seq < 0 || now - this.lastReceiptAt < RECEIPT_EVERY_MS) return;
    this.lastReceiptAt = now;
    this.client.emit('live:ack', { seq: this.tracker.seq });
  }
}

type AnySocket = Socket;

/**
 * A wall as the browser runs it: socket.io-client and the real reducer (client/state/picture.ts),
 * so the picture it ends with can be checked entity by entity against what was sent.
 */
export class RealWall {
  readonly socket: AnySocket;
  readonly startedAt = Date.now();
  mapAt = 0;
  state: WallState | null = null;
  private lastReceiptAt = 0;
  naive: { teams: Record<string, Team>; cells: Record<string, Cell>; checkpoints: Record<string, Checkpoint> } | null = null;

  constructor(
    private readonly ctx: WallContext,
    readonly tracker: WallTracker,
    name: string,
  ) {
    this.socket = connectIo(ctx.url, { auth: { device: name, ...(ctx.tokens && { token: ctx.tokens.wall }) }, transports: ['websocket'], reconnection: false, forceNew: true });
    if (ctx.design === 'ours') {
      // Like the wall page: cells' live part joined with the catalog, fetched once (its time counts).
      const headers: Record<string, string> = ctx.tokens ? { authorization: `Bearer ${ctx.tokens.wall}` } : {};
      const feed = createCatalogFeed({
        fetchCatalog: (ref) => fetchCatalog(ctx.url, ref, { headers }),
        onSnapshot: (s) => this.onSnapshot(s),
        onDelta: (d) => this.onDelta(d),
        onError: (err) => console.error('real wall: catalog', err),
      });
      this.socket.on('state:snapshot', (s: PackedSnapshot) => feed.snapshot(s));
      this.socket.on('state:delta', (d: WireDelta) => feed.delta(d));
    } else {
      this.socket.on('naive:state', (s: WallState) => {
        this.naive = { teams: s.teams, cells: s.cells, checkpoints: s.checkpoints };
        this.tracker.snapshot(s.seq, Date.now());
        this.mapAt ||= Date.now();
      });
      this.socket.on('naive:update', (kind: 'teams' | 'cells' | 'checkpoints', entity: { id: string }) => this.onUpdate(kind, entity));
    }
  }

  private onSnapshot(s: Snapshot): void {
    const at = Date.now();
    this.state = applySnapshot(s);
    this.tracker.snapshot(s.seq, at);
    this.mapAt ||= at;
    this.confirm(at);
  }

  /** As the wall page does: the seq its reducer has applied, at most once a second. */
  confirm(now: number): void {
    if (!this.state || now - this.lastReceiptAt < RECEIPT_EVERY_MS) return;
    this.lastReceiptAt = now;
    this.socket.emit('live:ack', { seq: this.state.seq });
  }

  private onDelta(d: Delta): void {
    const at = Date.now();
    if (!this.state) return;
    const fit = deltaFit(this.state.seq, d);
    if (fit === 'gap') this.tracker.gaps++;
    if (fit !== 'next') return;
    this.state = applyDelta(this.state, d);
    const del = deliveriesOf(d, this.ctx.index);
    for (let i = 0; i < del.entities.length; i++) this.tracker.deliver(del.entities[i]!, del.versions[i]!, at);
    this.confirm(at);
  }

  private onUpdate(kind: 'teams' | 'cells' | 'checkpoints', entity: { id: string }): void {
    const at = Date.now();
    if (!this.naive) return;
    (this.naive[kind] as Record<string, unknown>)[entity.id] = entity;
    const e = this.ctx.index[kind].get(entity.id);
    if (e === undefined) return;
    const version =
      kind === 'teams' ? ((entity as Team).reportedAt ?? 0) : kind === 'cells' ? ((entity as Cell).lastVisitAt ?? 0) : (entity as Checkpoint).staffOnDuty;
    this.tracker.deliver(e, version, at);
  }

  /** The wall's picture of each entity, as the version the bench tracks. */
  versions(): { teams: Record<string, Team>; cells: Record<string, Cell>; checkpoints: Record<string, Checkpoint> } | null {
    return this.ctx.design === 'ours' ? this.state : this.naive;
  }
}
