/**
 * What writing one broadcast frame to 500 WebSocket clients costs the server per socket: the frame
 * as [header, payload] (ws corks, writes twice, `writev`) against one buffer (one `write`).
 * Usage: npx tsx bench/micro/frames.ts [payloadBytes]   (pin it for steadier figures: taskset -c 0 …)
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket, { WebSocketServer } from 'ws';
import { textFrameHeader } from '../../server/live/frames.js';

const CLIENTS = 500;
const TICKS = 100;

if (process.argv[2] === '--sink') {
  // The reading side, in its own process as a wall's browser would be.
  for (let i = 0; i < CLIENTS; i++) new WebSocket(`ws://127.0.0.1:${process.argv[3]}`, { perMessageDeflate: false }).on('message', () => undefined);
} else {
  const size = Number(process.argv[2] ?? 9000);
  const wss = new WebSocketServer({ port: 0, perMessageDeflate: false });
  await new Promise((r) => wss.once('listening', r));
  const clients: WebSocket[] = [];
  wss.on('connection', (w) => clients.push(w));
  const sink = fork(fileURLToPath(import.meta.url), ['--sink', String((wss.address() as { port: number }).port)], { execArgv: process.execArgv });
  while (clients.length < CLIENTS) await new Promise((r) => setTimeout(r, 50));
  const payload = Buffer.alloc(size, 0x61);
  const header = textFrameHeader(payload.length);
  const frames = { two: [header, payload], one: [Buffer.concat([header, payload])] };
  for (const mode of ['two', 'one', 'two', 'one', 'two', 'one'] as const) {
    const c0 = process.cpuUsage();
    for (let t = 0; t < TICKS; t++) {
      for (const w of clients) (w as unknown as { _sender: { sendFrame(f: Buffer[]): void } })._sender.sendFrame(frames[mode]);
      await new Promise((r) => setTimeout(r, 10));
    }
    const c = process.cpuUsage(c0);
    console.log(`${mode === 'two' ? '[header, payload]' : 'one buffer       '}  ${((c.user + c.system) / (CLIENTS * TICKS)).toFixed(2)} µs of CPU per socket write (${size}-byte payload)`);
  }
  sink.kill();
  wss.close();
  process.exit(0);
}
