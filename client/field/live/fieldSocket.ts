import { io, type Socket } from 'socket.io-client';
import type { CommandOf } from '../../../shared/commands.js';
import type { Ack, ClientToServerEvents, FieldState, HandshakeAuth, ServerToClientEvents } from '../../../shared/protocol.js';
import type { OutboxTransport } from '../outbox/outbox.js';
import type { FieldCommand } from '../outbox/queue.js';

type FieldSocketIo = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Link state the page shows. `signedOut`: the server no longer knows our session cookie. */
export type LinkStatus = 'connecting' | 'connected' | 'offline' | 'signedOut';

/** Options of `connectField`. */
export interface FieldSocketOptions {
  onState(state: FieldState): void;
  onStatus(status: LinkStatus): void;
  /** The link is up (first connect or reconnect): time to flush the outbox. */
  onConnect(): void;
  /** How long to wait for an ack before the report counts as not delivered. @default 10000 */
  ackTimeoutMs?: number;
}

/** The field page's one socket: its session cookie goes along (same origin), the server answers `field:state`. */
export interface FieldSocket extends OutboxTransport {
  close(): void;
}

/**
 * The only file of the field app that touches socket.io-client (the wall has client/live/socket.ts,
 * which is tied to its picture store). Reports are never emitted while disconnected: socket.io
 * would buffer them and send them again on reconnect, next to the outbox's own resend.
 */
export function connectField(options: FieldSocketOptions): FieldSocket {
  const { ackTimeoutMs = 10_000 } = options;
  const auth: HandshakeAuth = { role: 'field' };
  const socket: FieldSocketIo = io({ auth, reconnectionDelayMax: 10_000 });

  socket.on('connect', () => {
    options.onStatus('connected');
    options.onConnect();
  });
  socket.on('connect_error', (err) => {
    // A refusal by the server's middleware is final (socket.io stops retrying); a network error is not.
    if (!socket.active) options.onStatus(/not signed in/i.test(err.message) ? 'signedOut' : 'offline');
    else options.onStatus('offline');
  });
  socket.on('disconnect', () => options.onStatus('offline'));
  socket.on('field:state', options.onState);

  // Do not wait out socket.io's backoff when the phone says the network is back. A fresh connect
  // (disconnect first) rather than connect() alone, which would race the pending reconnect timer.
  const onOnline = () => {
    if (socket.connected) options.onStatus('connected');
    else socket.disconnect().connect();
  };
  // The phone knows it lost the network before the socket's heartbeat does; say so at once.
  // Reports sent meanwhile time out and stay queued.
  const onOffline = () => options.onStatus('offline');
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  return {
    // navigator.onLine === false is reliable (true is not): no point sending into a dead socket.
    isConnected: () => socket.connected && navigator.onLine,
    send<N extends FieldCommand>(name: N, payload: CommandOf<N>): Promise<Ack> {
      if (!socket.connected || !navigator.onLine) return Promise.reject(new Error('not connected'));
      return new Promise((resolve, reject) => {
        // socket.io's typed emit cannot follow a generic event name; the payload was parsed with Commands[name].
        const timed = socket.timeout(ackTimeoutMs);
        const emit = timed.emit as (event: N, payload: CommandOf<N>, cb: (err: Error | null, ack: Ack) => void) => void;
        emit.call(timed, name, payload, (err, ack) => (err ? reject(err) : resolve(ack)));
      });
    },
    close() {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      socket.disconnect();
    },
  };
}
