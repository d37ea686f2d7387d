/**
 * What a broadcast write costs the server per socket.io client, through engine.io (`writeEncoded`:
 * packet, writeBuffer, flush, transport.send, the sent-callback chain) against the direct write of
 * the finished frame to the websocket when engine.io has nothing queued (`writeDirect`).
 * Usage: npx tsx bench/micro/engineWrite.ts [payloadBytes]   (pin it: taskset -c 0 npx tsx …)
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { encodeEvent, writeDirect, writeEncoded } from '../../server/live/frames.js';

const CLIENTS = 500;
const TICKS = 100;

if (process.argv[2] === '--sink') {
  // The reading side, in its own process as a wall's browser would be.
  let got = 0;
  for (let i = 0; i < CLIENTS; i++) connect(`http://127.0.0.1:${process.argv[3]}`, { transports: ['websocket'] }).on('tick', () => got++);
  setInterval(() => process.send?.(got), 200);
} else {
  const size = Number(process.argv[2] ?? 3000);
  const server = http.createServer();
  const ioServer = new Server(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const sink = fork(fileURLToPath(import.meta.url), ['--sink', String((server.address() as { port: number }).port)], { execArgv: process.execArgv });
  let received = 0;
  sink.on('message', (n) => (received = n as number));
  while (ioServer.engine.clientsCount < CLIENTS) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500));
  const e = encodeEvent('tick', { pad: 'a'.repeat(size) }, { oneBuffer: true });
  const sockets = [...ioServer.sockets.sockets.values()];
  const ways = { engine: writeEncoded, direct: writeDirect };
  for (const way of ['engine', 'direct', 'engine', 'direct', 'engine', 'direct'] as const) {
    const c0 = process.cpuUsage();
    for (let t = 0; t < TICKS; t++) {
      for (const s of sockets) ways[way](s, e);
      await new Promise((r) => setTimeout(r, 10));
    }
    const c = process.cpuUsage(c0);
    console.log(`${way.padEnd(6)}  ${((c.user + c.system) / (CLIENTS * TICKS)).toFixed(2)} µs of CPU per socket write (${e.frame[0]!.length}-byte frame)`);
  }
  await new Promise((r) => setTimeout(r, 1000));
  console.log(`the sink received ${received} of ${CLIENTS * TICKS * 6} events`);
  sink.kill();
  ioServer.close();
  process.exit(0);
}
