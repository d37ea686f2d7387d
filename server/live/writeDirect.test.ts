import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { encodeEvent, writeDirect } from './frames.js';

/** A real socket.io server and one client on the given transport; `sendPackets` counts what took engine.io's path. */
async function pair(transports: ('websocket' | 'polling')[]) {
  const server = http.createServer();
  const io = new Server(server, { transports });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const joined = new Promise<ServerSocket>((r) => io.once('connection', r));
  const client: Socket = connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { transports, reconnection: false });
  const socket = await joined;
  await new Promise<void>((r) => client.once('connect', () => r()));
  const conn = socket.conn as unknown as { sendPacket: (...a: unknown[]) => void };
  const stats = { sendPackets: 0 };
  const original = conn.sendPacket.bind(conn);
  conn.sendPacket = (...a: unknown[]) => {
    stats.sendPackets++;
    original(...a);
  };
  const got: number[] = [];
  client.on('n' as never, (n: number) => void got.push(n));
  const close = () => {
    client.close();
    io.close();
  };
  return { socket, client, got, stats, close };
}

const frame = (n: number) => encodeEvent('n', n, { oneBuffer: true });
const settle = (ms = 5) => new Promise((r) => setTimeout(r, ms));

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('writeDirect', () => {
  test('over a websocket, frames skip engine.io when it has nothing queued and stay in order with everything else', async () => {
    const p = await pair(['websocket']);
    cleanup = p.close;
    let n = 0;
    const expected: number[] = [];
    for (let round = 0; round < 20; round++) {
      await settle();
      // Direct (engine.io idle), then an emit (engine.io sends it and waits for its callback),
      // then a frame that must queue behind that emit instead of overtaking it.
      writeDirect(p.socket, frame(n));
      p.socket.emit('n' as never, (n + 1) as never);
      writeDirect(p.socket, frame(n + 2));
      expected.push(n, n + 1, n + 2);
      n += 3;
    }
    await expect.poll(() => p.got.length, { timeout: 5000 }).toBe(expected.length);
    expect(p.got).toEqual(expected);
    // The 20 emits and the 20 frames that came behind them went through engine.io; the first frame of each round did not.
    expect(p.stats.sendPackets).toBe(40);
  });

  test('over long polling it falls back to engine.io and still delivers every frame in order', async () => {
    const p = await pair(['polling']);
    cleanup = p.close;
    for (let i = 0; i < 10; i++) {
      writeDirect(p.socket, frame(i));
      if (i % 3 === 0) await settle();
    }
    await expect.poll(() => p.got.length, { timeout: 5000 }).toBe(10);
    expect(p.got).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.stats.sendPackets).toBe(10);
  });

  test('a closed socket gets nothing written and nothing throws', async () => {
    const p = await pair(['websocket']);
    cleanup = p.close;
    p.client.close();
    await expect.poll(() => p.socket.connected, { timeout: 5000 }).toBe(false);
    expect(() => writeDirect(p.socket, frame(1))).not.toThrow();
    await settle(50);
    expect(p.got).toEqual([]);
  });
});
