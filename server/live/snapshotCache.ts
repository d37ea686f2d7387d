import type { PictureState } from '../../shared/protocol.js';
import { liveOf, type CatalogRef } from '../../shared/catalog.js';
import type { Cell } from '../../shared/entities.js';

/** A `state:snapshot` event encoded once, for every joiner of a tick. */
export interface EncodedSnapshot {
  seq: number;
  serverTime: number;
  /** The Socket.IO packet text for the default namespace (`2["state:snapshot",{…}]`), as engine.io writes it. */
  packet: string;
  /** The same packet as a finished WebSocket frame (header, payload): written as-is to every websocket. */
  frame: [Buffer, Buffer];
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
  private readonly json = new WeakMap<object, { id: string; text: string }>();
  private last: EncodedSnapshot | null = null;

  /** @param maxAgeMs a packet this much older than `serverTime` is rebuilt so its time stays honest. @default 1000 */
  constructor(private readonly maxAgeMs = 1000) {}

  /** The packet already built for this seq, if it is fresh enough. */
  peek(seq: number, serverTime: number): EncodedSnapshot | null {
    const last = this.last;
    return last && last.seq === seq && serverTime - last.serverTime < this.maxAgeMs ? last : null;
  }

  /** The wire snapshot: cells carry their live part only, completed by the catalog `catalog` names. */
  encode(state: PictureState, serverTime: number, logId: string, catalog: CatalogRef): EncodedSnapshot {
    const last = this.peek(state.seq, serverTime);
    if (last) return last;
    const packet = `2["state:snapshot",{"logId":${JSON.stringify(logId)},"seq":${state.seq},"serverTime":${serverTime},"catalog":${JSON.stringify(catalog)},"state":${this.stateJson(state)}}]`;
    const payload = Buffer.from(`4${packet}`); // 4: an engine.io message
    this.last = { seq: state.seq, serverTime, packet, frame: [textFrameHeader(payload.length), payload] };
    return this.last;
  }

  private stateJson(state: PictureState): string {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(state)) {
      if (value === undefined) continue;
      const json = key === 'cells' ? this.byIdJson(value as Record<string, Cell>, liveOf) : BY_ID.has(key) ? this.byIdJson(value as Record<string, object>) : JSON.stringify(value);
      parts.push(`${JSON.stringify(key)}:${json}`);
    }
    return `{${parts.join(',')}}`;
  }

  private byIdJson<T extends object>(table: Record<string, T>, project: (e: T) => object = (e) => e): string {
    const parts: string[] = [];
    for (const id in table) {
      const entity = table[id]!;
      // The `"id":{…}` member itself is kept: re-quoting 5,000 ids and joining each to its JSON on
      // every seq was a good part of an encode.
      let member = this.json.get(entity);
      if (member === undefined || member.id !== id) {
        member = { id, text: `${JSON.stringify(id)}:${JSON.stringify(project(entity))}` };
        this.json.set(entity, member);
      }
      parts.push(member.text);
    }
    return `{${parts.join(',')}}`;
  }
}
