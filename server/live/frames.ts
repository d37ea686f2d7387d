/** A Socket.IO event encoded once, to be written as-is to many sockets (broadcasts, snapshots). */
export interface EncodedEvent {
  /** The Socket.IO packet text for the default namespace (`2["event",{…}]`), as engine.io writes it. */
  packet: string;
  /** The same packet as a finished WebSocket frame ([header, payload], or both in one buffer): written as-is to every websocket. */
  frame: [Buffer, Buffer] | [Buffer];
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

