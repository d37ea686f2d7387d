import type { PictureState } from '../../shared/protocol.js';
import { liveOf, type CatalogRef } from '../../shared/catalog.js';
import type { Cell } from '../../shared/entities.js';

/** A Socket.IO event encoded once, to be written as-is to many sockets. */
export interface EncodedEvent {
  /** The Socket.IO packet text for the default namespace (`2["event",{…}]`), as engine.io writes it. */
  packet: string;
  /** The same packet as a finished WebSocket frame ([header, payload], or both in one buffer): written as-is to every websocket. */
  frame: [Buffer, Buffer] | [Buffer];
}

/** A `state:snapshot` event encoded once, for every joiner of a tick (and of the next second: see `latest`). */
export interface EncodedSnapshot extends EncodedEvent {
  frame: [Buffer, Buffer];
  seq: number;
  serverTime: number;
}

/**
 * Writes a pre-encoded event on a socket's engine.io connection, so it is queued in order with
 * every other packet. `wsPreEncodedFrame` is the option socket.io's own broadcasts pass
 * (socket.io-adapter `_encode`); engine.io's types omit it.
 */
export function writeEncoded(socket: { conn: { write(data: string, opts: { compress?: boolean }): unknown } }, e: EncodedEvent): void {
  socket.conn.write(e.packet, { wsPreEncodedFrame: e.frame } as { compress?: boolean });
}

/** The engine.io and ws internals `writeDirect` reads; none of them is in their typings. */
interface EngineConn {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: { name: string; writable: boolean; opts?: { perMessageDeflate?: unknown }; socket?: { readyState: number; _sender?: { sendFrame(list: Buffer[]): void } } };
}

/**
 * `writeEncoded`, minus engine.io's per-packet machinery when it has nothing queued for this socket:
 * the finished frame goes straight to the websocket's sender, the call engine.io itself ends in
 * (transports/websocket.ts, `sendFrame`), without the packet object, the flush and drain events and
 * the sent-callback chain (12.0–12.3 → 8.5–9.9 µs of CPU per socket write: `npx tsx bench/micro/engineWrite.ts`).
 * Order is kept: with engine.io's buffer empty, every byte it accepted is already in the TCP
 * socket's queue, ahead of these. Anything else (polling, an upgrade under way, a queue, compression,
 * a closing socket) takes engine.io's own path.
 */
export function writeDirect(socket: { conn: unknown }, e: EncodedEvent): void {
  const conn = socket.conn as EngineConn;
  const t = conn.transport;
  const ws = t.socket;
  if (conn.readyState === 'open' && !conn.upgrading && conn.writeBuffer.length === 0 && t.name === 'websocket' && t.writable && !t.opts?.perMessageDeflate && ws?.readyState === 1 && ws._sender) {
    ws._sender.sendFrame(e.frame);
  } else {
    writeEncoded(socket as Parameters<typeof writeEncoded>[0], e);
  }
}

/**
 * Encodes an event without binary parts once, as `socket.emit` would for each socket. `oneBuffer`:
 * header and payload in one buffer (one copy per encode, one `write` per socket; for small frames
 * written to many sockets).
 */
export function encodeEvent(event: string, payload: unknown, opts: { oneBuffer?: boolean } = {}): EncodedEvent {
  const packet = `2${JSON.stringify([event, payload])}`;
  const bytes = Buffer.from(`4${packet}`);
  const header = textFrameHeader(bytes.length);
  return { packet, frame: opts.oneBuffer ? [Buffer.concat([header, bytes])] : [header, bytes] };
}

/** Keys of the picture that hold entities by id; each entity object is replaced, never mutated, when it changes. */
const BY_ID = new Set(['cells', 'checkpoints', 'teams', 'tasks', 'incidents', 'days']);

/** Header of an unmasked, final WebSocket text frame of `length` bytes (RFC 6455 §5.2). */
export function textFrameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0x81, length]);
  if (length < 65_536) {
    const b = Buffer.from([0x81, 126, 0, 0]);
    b.writeUInt16BE(length, 2);
    return b;
  }
  const b = Buffer.alloc(10);
  b[0] = 0x81;
  b[1] = 127;
  b.writeBigUInt64BE(BigInt(length), 2);
  return b;
}

/**
 * Serializes the snapshot for joiners. `socket.emit` would walk the ~3 MB picture for binary parts
 * and stringify it again for every socket (~120 ms each for 5,000 cells here), so a join storm
 * stalled the event loop for seconds. Each entity's JSON is kept until the fold replaces the
 * entity, so a new seq re-stringifies only what changed; the packet and its WebSocket frame are
 * built once per seq and shared by every joiner.
 */
export class SnapshotCache {
  /** Each entity's `"id":{…}` member, until the fold replaces the entity. */
  private readonly json = new WeakMap<object, { id: string; text: string }>();
  /** Each table's members in runs (see tableChunks). */
  private readonly chunks = new Map<string, Chunk[]>();
  private last: EncodedSnapshot | null = null;

  /** @param maxAgeMs a packet this much older than `serverTime` is rebuilt so its time stays honest. @default 1000 */
  constructor(private readonly maxAgeMs = 1000) {}

  /** The packet already built for this seq, if it is fresh enough. */
  peek(seq: number, serverTime: number): EncodedSnapshot | null {
    const last = this.last;
    return last && last.seq === seq && serverTime - last.serverTime < this.maxAgeMs ? last : null;
  }

  /** The last packet built, whatever its seq, while it is fresh enough; a joiner gets it plus what changed since. */
  latest(serverTime: number): EncodedSnapshot | null {
    const last = this.last;
    return last && serverTime - last.serverTime < this.maxAgeMs ? last : null;
  }

  /** The wire snapshot: cells carry their live part only, completed by the catalog `catalog` names. */
  encode(state: PictureState, serverTime: number, logId: string, catalog: CatalogRef): EncodedSnapshot {
    const last = this.peek(state.seq, serverTime);
    if (last) return last;
    const pieces: (string | Chunk)[] = [
      `2["state:snapshot",{"logId":${JSON.stringify(logId)},"seq":${state.seq},"serverTime":${serverTime},"catalog":${JSON.stringify(catalog)},"state":{`,
    ];
    let first = true;
    for (const [key, value] of Object.entries(state)) {
      if (value === undefined) continue;
      pieces.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (!BY_ID.has(key)) {
        pieces.push(JSON.stringify(value));
        continue;
      }
      const chunks = key === 'cells' ? this.tableChunks(key, value as Record<string, Cell>, liveOf) : this.tableChunks(key, value as Record<string, object>);
      pieces.push('{');
      chunks.forEach((c, i) => pieces.push(...(i ? [',', c] : [c])));
      pieces.push('}');
    }
    pieces.push('}}]');
    const packet = pieces.map((p) => (typeof p === 'string' ? p : p.text)).join('');
    // 4: an engine.io message. Unchanged chunks bring their UTF-8 along: no re-encoding of 1.4 MB.
    const payload = Buffer.concat([Buffer.from('4'), ...pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p.bytes))]);
    this.last = { seq: state.seq, serverTime, packet, frame: [textFrameHeader(payload.length), payload] };
    return this.last;
  }

  /**
   * The table's `"id":{…}` members in runs of CHUNK, as text and UTF-8. A run is rebuilt only when
   * one of its entities was replaced (or ids moved); new entities are appended, so mostly the last
   * run changes. At W a few of ~25 runs change per seq, which a join storm encodes every tick.
   */
  private tableChunks<T extends object>(key: string, table: Record<string, T>, project: (e: T) => object = (e) => e): Chunk[] {
    const before = this.chunks.get(key) ?? [];
    const chunks: Chunk[] = [];
    let ids: string[] = [];
    let entities: T[] = [];
    const close = () => {
      const old = before[chunks.length];
      chunks.push(old && sameRun(old, ids, entities) ? old : this.chunk(ids, entities, project));
      ids = [];
      entities = [];
    };
    for (const id in table) {
      ids.push(id);
      entities.push(table[id]!);
      if (ids.length === CHUNK) close();
    }
    if (ids.length) close();
    this.chunks.set(key, chunks);
    return chunks;
  }

  private chunk<T extends object>(ids: string[], entities: T[], project: (e: T) => object): Chunk {
    const members = entities.map((entity, i) => {
      const id = ids[i]!;
      let member = this.json.get(entity);
      if (member === undefined || member.id !== id) {
        member = { id, text: `${JSON.stringify(id)}:${JSON.stringify(project(entity))}` };
        this.json.set(entity, member);
      }
      return member.text;
    });
    const text = members.join(',');
    return { ids, entities, text, bytes: Buffer.from(text) };
  }
}

/** Members per cached run of a table. */
const CHUNK = 256;

/** A run of a table's members: the ids and entity objects it was made from, its text and UTF-8. */
interface Chunk {
  ids: readonly string[];
  entities: readonly object[];
  text: string;
  bytes: Buffer;
}

function sameRun(chunk: Chunk, ids: readonly string[], entities: readonly object[]): boolean {
  if (chunk.ids.length !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) if (chunk.ids[i] !== ids[i] || chunk.entities[i] !== entities[i]) return false;
  return true;
}
