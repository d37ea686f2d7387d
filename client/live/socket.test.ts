// The live connection against a real server (port 0, real SQLite log, test-driven ticks).
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startTestServer } from '../../server/testing/liveServer.js';
import { PictureStore } from './pictureStore.js';
import { connectLive, type LiveConnection } from './socket.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let connection: LiveConnection | undefined;
let reportNo = 0;

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  connection?.close();
  await server.stop();
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function moveTeam(lng: number): Promise<void> {
  const ack = await server.ledger.submit(
    'position:report',
    { reportId: `wall-test-${++reportNo}-xyz`, recordedAt: Date.now() + reportNo, teamId: 't1', position: [lng, 30.56] },
    'device:test',
  );
  expect(ack.ok).toBe(true);
}

/** Connects and waits for the first snapshot (the server serves joiners on its next tick). */
async function connect(store: PictureStore): Promise<LiveConnection> {
  connection = connectLive(store, { device: 'wall', url: server.url, reconnectionDelayMs: 50, resyncDelayMs: 20, token: server.commanderToken });
  await until(() => store.getView().status === 'connected', 'the connection');
  await server.tick();
  await until(() => store.getView().picture !== null, 'the snapshot');
  return connection;
}

test('starts from a snapshot and folds in the next delta', async () => {
  const store = new PictureStore();
  await connect(store);
  expect(store.getView().status).toBe('connected');
  await moveTeam(114.31);
  await server.tick();
  await until(() => store.getView().picture?.teams.t1?.position?.[0] === 114.31, 'the delta');
  expect(store.seq).toBe(server.ledger.state.seq);
});

test('resumes from its seq after a dropped connection and receives only what it missed', async () => {
  const store = new PictureStore();
  const { socket } = await connect(store);
  const snapshots: number[] = [];
  socket.on('state:snapshot', (s) => snapshots.push(s.seq));
  const deltasFrom: number[] = [];
  socket.on('state:delta', (d) => deltasFrom.push(d.fromSeq));
  const seqBefore = store.seq;

  socket.io.engine.close(); // the network drops; Socket.IO reconnects by itself
  await until(() => store.getView().status !== 'connected', 'the disconnect');
  await moveTeam(114.32);
  await until(() => store.getView().status === 'connected', 'the reconnect');
  await server.tick();

  await until(() => store.getView().picture?.teams.t1?.position?.[0] === 114.32, 'the missed fix');
  expect(snapshots).toEqual([]);
  expect(deltasFrom[0]).toBe(seqBefore);
});

test('after a gap, reconnects for a fresh snapshot instead of showing a picture with a hole', async () => {
  const store = new PictureStore();
  const { socket } = await connect(store);
  const snapshots: number[] = [];
  socket.on('state:snapshot', (s) => snapshots.push(s.seq));
  const seq = store.seq;

  // A delta that starts after our seq, as if one had been lost.
  const [onDelta] = socket.listeners('state:delta');
  onDelta?.({ fromSeq: seq + 5, toSeq: seq + 9, serverTime: Date.now() });

  await until(() => store.getView().status === 'reconnecting', 'the resync to start');
  await until(() => store.getView().status === 'connected', 'the reconnect');
  await server.tick();
  await until(() => snapshots.length > 0, 'the resync snapshot');
  expect(snapshots[0]).toBe(server.ledger.state.seq);
  expect(store.seq).toBe(server.ledger.state.seq);
  expect(store.getView().status).toBe('connected');
});

test('a handshake without a valid session reports signedOut and does not retry', async () => {
  const store = new PictureStore();
  connection = connectLive(store, { device: 'wall', url: server.url, reconnectionDelayMs: 50, resyncDelayMs: 20, token: 'gct_this-token-was-never-issued' });
  await until(() => store.getView().status === 'signedOut', 'the refusal');
  await new Promise((r) => setTimeout(r, 300));
  expect(store.getView()).toMatchObject({ status: 'signedOut', picture: null });
  expect(connection.socket.connected).toBe(false);
});

test('revoking the wall token signs the open wall out at once', async () => {
  const store = new PictureStore();
  const { view, token } = server.registry.tokens.issue({ kind: 'wall', label: 'socket test wall', createdBy: 'test' });
  connection = connectLive(store, { device: 'wall', url: server.url, reconnectionDelayMs: 50, resyncDelayMs: 20, token });
  await until(() => store.getView().status === 'connected', 'the connection');
  await server.tick();
  await until(() => store.getView().picture !== null, 'the snapshot');

  expect(server.registry.revokeToken(view.id)).toBe(true);
  await until(() => store.getView().status === 'signedOut', 'the sign-out');
  expect(connection.socket.connected).toBe(false);
});

test('confirms the seq it applied; frozen for a while, it is dropped by the server and brought up to date once it has read its backlog', async () => {
  await server.stop();
  server = await startTestServer({ stallMs: 200 });
  const store = new PictureStore();
  connection = connectLive(store, { device: 'wall', url: server.url, reconnectionDelayMs: 50, resyncDelayMs: 20, token: server.commanderToken, ackEveryMs: 50 });
  await until(() => store.getView().status === 'connected', 'the connection');
  await server.tick();
  await until(() => store.getView().picture !== null, 'the snapshot');
  const { socket } = connection;
  const receipts: number[] = [];
  socket.onAnyOutgoing((event: string, r: { seq: number }) => event === 'live:ack' && receipts.push(r.seq));
  await moveTeam(114.31);
  await server.tick();
  await until(() => receipts.at(-1) === store.seq && store.seq === server.ledger.state.seq, 'a receipt for the applied seq');

  // The page freezes: messages arrive but wait, unread, while the receipt timer repeats the old seq.
  const listeners = socket.listeners('state:delta');
  socket.off('state:delta');
  const backlog: unknown[] = [];
  socket.on('state:delta', (d) => backlog.push(d));
  await moveTeam(114.32);
  await server.tick();
  await new Promise((r) => setTimeout(r, 300));
  await moveTeam(114.33);
  await server.tick(); // the server drops us after this broadcast
  await moveTeam(114.34);
  await server.tick();
  expect(server.app.broadcaster.readerStats.dropped).toBe(1);
  expect(backlog).toHaveLength(2);

  // It reads its backlog, confirms it, and is served what it missed.
  socket.off('state:delta');
  for (const l of listeners) socket.on('state:delta', l as (d: unknown) => void);
  for (const d of backlog) for (const l of listeners) (l as (d: unknown) => void)(d);
  await until(() => server.app.broadcaster.readerStats.resumed === 1, 'the server to take it back');
  await server.tick();
  await until(() => store.getView().picture?.teams.t1?.position?.[0] === 114.34, 'what it missed');
  expect(store.seq).toBe(server.ledger.state.seq);
  expect(store.getView().status).toBe('connected');
});
