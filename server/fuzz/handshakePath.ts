import fc from 'fast-check';
import { HandshakeAuth } from '../../shared/protocol.js';
import { io as connect } from 'socket.io-client';
import { CALL_TIMEOUT_MS, type Answer, type FuzzPath } from './harness.js';
import { depthOf, malformed, type Json } from './mutate.js';


const TRANSPORT_ERRORS = new Set(['timeout', 'websocket error', 'xhr poll error', 'xhr post error']);

interface HandshakeInput {
  auth: Record<string, Json>;
  cookie?: string;
  kinds: string[];
}

/**
 * Connects once with this handshake: a `connect_error` carrying the server's reason is a refusal,
 * answered here as an error ack so the same check applies; a connection that opens is reported as such.
 */
function handshake(url: string, i: HandshakeInput): Promise<Answer> {
  const socket = connect(url, { auth: i.auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: CALL_TIMEOUT_MS, extraHeaders: i.cookie ? { cookie: i.cookie } : undefined });
  return new Promise<Answer>((resolve) => {
    socket.once('connect', () => resolve({ via: 'ack', ack: { ok: true, connected: true } }));
    socket.once('connect_error', (err: Error) => {
      // The client's own failures (no answer in time, a dropped transport) are not the server's refusal.
      const code = TRANSPORT_ERRORS.has(err.message) ? 'internal' : /forbidden/.test(err.message) ? 'forbidden' : 'unauthenticated';
      resolve({ via: 'ack', ack: { ok: false, error: { code, message: err.message } } });
    });
  }).finally(() => socket.disconnect());
}

/** The Socket.IO handshake: malformed `auth` objects and session cookies; only the real token with a live-view role gets in. */
export function handshakePath(t: { readonly url: string; readonly commanderToken: string }): FuzzPath<HandshakeInput> {
  const token = fc.constant(null).map(() => t.commanderToken); // read when generated: the server starts after this is built
  const valid = fc.record({ token, lastSeq: fc.nat(20), logId: fc.string({ maxLength: 20 }), role: fc.constant('wall') }, { requiredKeys: ['token'] });
  const cookie = fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.oneof(fc.string({ maxLength: 60 }).map((s) => `gc_session=${encodeURIComponent(s)}`), fc.constantFrom('gc_field=x', 'gc_session=', '=;;=', 'gc_session=a; gc_session=b')), weight: 1 });
  return {
    name: 'socket handshake auth',
    arb: fc
      .tuple(malformed(valid), cookie)
      .filter(([p]) => !!p.value && typeof p.value === 'object' && !Array.isArray(p.value) && !ArrayBuffer.isView(p.value) && depthOf(p.value) <= 1_000 && (JSON.stringify(p.value)?.length ?? 0) < 200_000)
      .map(([p, c]) => ({ auth: p.value as Record<string, Json>, cookie: c, kinds: [...p.kinds, ...(c ? ['cookie'] : [])] })),
    kinds: (i) => i.kinds,
    accepts: (i) => {
      const auth = HandshakeAuth.safeParse(JSON.parse(JSON.stringify(i.auth)) as unknown);
      return auth.success && auth.data.token === t.commanderToken && auth.data.role !== 'field';
    },
    send: (i) => handshake(t.url, i),
  };
}
