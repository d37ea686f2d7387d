import { io, type Socket } from 'socket.io-client';
import { LIVE_ACK, type ClientToServerEvents, type HandshakeAuth, type ServerToClientEvents } from '../../shared/protocol.js';
import type { PictureStore } from './pictureStore.js';
import { createCatalogFeed, fetchCatalog } from '../../shared/catalogFeed.js';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Options of `connectLive`. */
export interface LiveOptions {
  /** Device label sent in the handshake. */
  device: string;
  /** Consecutive failed attempts after which the link counts as offline rather than reconnecting. @default 3 */
  offlineAfterFailures?: number;
  /** Pause before reconnecting for a fresh snapshot after a gap, so a misbehaving server cannot make us spin. @default 500 */
  resyncDelayMs?: number;
  /** Server to connect to. @default the page's own origin */
  url?: string;
  /** Delay before the first automatic reconnection attempt (Socket.IO `reconnectionDelay`). @default 1000 */
  reconnectionDelayMs?: number;
  /** A wall or service token, for programs without a cookie jar. Browsers send their session cookie. */
  token?: string;
  /** Pause before trying again after the server refused the handshake for another reason than the session. @default 5000 */
  refusedRetryMs?: number;
  /** How often we confirm the seq we have applied (`live:ack`), so a server can tell we keep up. @default 1000 */
  ackEveryMs?: number;
}

/** Handshake refusals that no retry can cure: the session is gone or its role may not see the picture. */
const SIGNED_OUT = /^(not signed in|forbidden)/i;

/** A running live connection. */
export interface LiveConnection {
  socket: LiveSocket;
  close(): void;
}

/**
 * Connects to the same origin and feeds `store`. The handshake is a function so that every
 * (re)connection attempt sends the seq we hold at that moment: the server then sends only what we missed.
 * After a gap we reconnect with `lastSeq: 0`, which gets a whole snapshot: simple and never wrong.
 */
export function connectLive(store: PictureStore, options: LiveOptions): LiveConnection {
  const { device, offlineAfterFailures = 3, resyncDelayMs = 500, url, reconnectionDelayMs = 1000, token, refusedRetryMs = 5000, ackEveryMs = 1000 } = options;
  let resync = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const socketOptions = {
    reconnectionDelay: reconnectionDelayMs,
    auth: (cb: (auth: HandshakeAuth) => void) => {
      cb({ device, lastSeq: resync ? 0 : store.seq, logId: store.logId, ...(token && { token }) });
      resync = false;
    },
  };
  const socket: LiveSocket = url === undefined ? io(socketOptions) : io(url, socketOptions);

  const reconnectSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => socket.connect(), resyncDelayMs);
  };
  const failed = (err: Error) => {
    // The server refused us for want of a session (revoked token, signed out elsewhere, disabled
    // account). Retrying cannot help: the page must say so and ask for a sign-in.
    if (SIGNED_OUT.test(err.message)) {
      clearTimeout(timer);
      socket.disconnect();
      store.setStatus('signedOut');
      return;
    }
    failures++;
    const hasPicture = store.getView().picture !== null;
    store.setStatus(failures >= offlineAfterFailures || !browserOnline() ? 'offline' : hasPicture ? 'reconnecting' : 'connecting');
    // Socket.IO stops retrying after any refusal by the server's middleware; an unattended wall must not.
    if (!socket.active) {
      clearTimeout(timer);
      timer = setTimeout(() => socket.connect(), refusedRetryMs);
    }
  };

  socket.on('connect', () => {
    failures = 0;
    store.setStatus('connected');
  });
  socket.on('connect_error', failed);
  socket.on('disconnect', (reason) => {
    if (store.getView().status === 'signedOut') return;
    store.setStatus(browserOnline() ? 'reconnecting' : 'offline');
    // After a server-side disconnect Socket.IO does not retry by itself. A revoked session is
    // disconnected this way too: the retry then fails with "not signed in", which `failed` reports.
    if (reason === 'io server disconnect') reconnectSoon();
  });
  // Never show a picture with a hole in it: start over from a snapshot.
  const startOver = () => {
    resync = true;
    socket.disconnect();
    store.setStatus('reconnecting');
    reconnectSoon();
  };
  // Cells arrive as their live part; the grid's outlines and names come once per version from the
  // catalog (the browser keeps it in its HTTP cache), and the feed joins them in arrival order.
  const feed = createCatalogFeed({
    fetchCatalog: (ref) => fetchCatalog(url ?? '', ref, { credentials: 'same-origin', ...(token && { headers: { authorization: `Bearer ${token}` } }) }),
    onSnapshot: (snapshot) => store.receiveSnapshot(snapshot, Date.now()),
    onDelta: (delta) => {
      if (store.receiveDelta(delta, Date.now()) === 'gap') startOver();
    },
    onError: startOver,
  });
  socket.on('state:snapshot', (wire) => feed.snapshot(wire));
  socket.on('state:delta', (wire) => feed.delta(wire));

  // Receipts: on the heels of what we read (timers are throttled in a background tab, events are
  // not), and on a timer for when nothing arrives because the server took us out of the broadcast.
  let lastAckAt = 0;
  const confirm = () => {
    if (!socket.connected || store.getView().picture === null || Date.now() - lastAckAt < ackEveryMs) return;
    lastAckAt = Date.now();
    socket.emit(LIVE_ACK, { seq: store.seq });
  };
  socket.on('state:snapshot', confirm);
  socket.on('state:delta', confirm);
  const ackTimer = setInterval(confirm, ackEveryMs);

  const onOffline = () => store.getView().status !== 'signedOut' && store.setStatus('offline');
  globalThis.window?.addEventListener('offline', onOffline);

  return {
    socket,
    close() {
      clearTimeout(timer);
      clearInterval(ackTimer);
      globalThis.window?.removeEventListener('offline', onOffline);
      socket.disconnect();
    },
  };
}

/** `navigator.onLine`, true where there is no browser (tests in Node). */
function browserOnline(): boolean {
  return globalThis.navigator?.onLine ?? true;
}
