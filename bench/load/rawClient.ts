import WebSocket from 'ws';

export interface RawClientOptions {
  /** http://127.0.0.1:port */
  url: string;
  /** Socket.IO namespace. @default '/' */
  nsp?: string;
  auth?: object;
  headers?: Record<string, string>;
  /** Every `42` event frame of the namespace, raw (`42[...`), with its receive time. */
  onEvent?: (frame: Buffer, receivedAt: number) => void;
}

/**
 * A Socket.IO v4 client reduced to what a bench needs, straight over `ws`: `40` to connect, `42[…]`
 * events, `43<id>[…]` acks, `2` → `3` heartbeats. It never parses an event it is not asked to, which
 * is what lets one generator core play hundreds of walls.
 */
export class RawClient {
  readonly ws: WebSocket;
  /** Resolves once the namespace is joined; rejects on a connect error or close. */
  readonly connected: Promise<void>;
  bytes = 0;
  messages = 0;
  private nextId = 1;
  private readonly acks = new Map<number, (frame: string) => void>();
  private readonly prefix: string;

  constructor(private readonly opts: RawClientOptions) {
    const nsp = opts.nsp ?? '/';
    this.prefix = nsp === '/' ? '' : `${nsp},`;
    const wsUrl = `${opts.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    this.ws = new WebSocket(wsUrl, { perMessageDeflate: false, skipUTF8Validation: true, headers: opts.headers });
    this.connected = new Promise((resolve, reject) => {
      this.ws.on('message', (data: Buffer) => this.onFrame(data, resolve, reject));
      this.ws.on('close', () => reject(new Error('closed before connect')));
      this.ws.on('error', reject);
    });
    this.connected.catch(() => undefined);
  }

  private onFrame(data: Buffer, resolve: () => void, reject: (e: Error) => void): void {
    const receivedAt = Date.now();
    this.bytes += data.length;
    this.messages++;
    const type = data[0];
    if (type === 0x32 /* '2' ping */) return void this.ws.send('3');
    if (type === 0x30 /* '0' open */) {
      this.ws.send(`40${this.prefix}${this.opts.auth ? JSON.stringify(this.opts.auth) : ''}`);
      return;
    }
    if (type !== 0x34 /* '4' message */) return;
    const sub = data[1];
    const body = 2 + this.prefix.length;
    if (sub === 0x32 /* '2' event */) return this.opts.onEvent?.(data, receivedAt);
    if (sub === 0x33 /* '3' ack */) {
      const text = data.toString('utf8', body);
      const open = text.indexOf('[');
      const id = Number(text.slice(0, open));
      const cb = this.acks.get(id);
      this.acks.delete(id);
      return cb?.(text.slice(open));
    }
    if (sub === 0x30) return resolve();
    if (sub === 0x34) return reject(new Error(`connect_error: ${data.toString('utf8', body, 300)}`));
  }

  /** Emits `event` with an ack; `onAck` gets the ack's JSON array text (`[{"ok":true,…}]`). */
  emitWithAck(event: string, payload: unknown, onAck: (ackJson: string) => void): void {
    const id = this.nextId++;
    this.acks.set(id, onAck);
    this.ws.send(`42${this.prefix}${id}${JSON.stringify([event, payload])}`);
  }

  /** Emits `event` without an ack. */
  emit(event: string, payload: unknown): void {
    this.ws.send(`42${this.prefix}${JSON.stringify([event, payload])}`);
  }

  /** Stops reading from the socket: the server's writes back up (a slow consumer). */
  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  close(): void {
    this.ws.terminate();
  }
}
