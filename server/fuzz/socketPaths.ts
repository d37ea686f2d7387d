import fc from 'fast-check';
import { io as connect, type Socket } from 'socket.io-client';
import { COMMAND_NAMES, Commands, FIELD_COMMANDS, type CommandName } from '../../shared/commands.js';
import { LIVE_ACK, LiveAck } from '../../shared/protocol.js';
import { CALL_TIMEOUT_MS, type FuzzPath } from './harness.js';
import { depthOf, malformed, PROTO_KEYS, replaceAt, type Json } from './mutate.js';
import { VALID_COMMANDS } from './valid.js';

/**
 * Sockets that break the typed wire contract on purpose, so they are plain socket.io-client sockets
 * rather than the typed test clients.
 */
export interface FuzzSockets {
  commander: Socket;
  field: Socket;
  close(): void;
}

function open(url: string, opts: { auth: object; cookie?: string }): Promise<Socket> {
  const socket = connect(url, { auth: opts.auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: opts.cookie ? { cookie: opts.cookie } : undefined });
  return new Promise((resolve, fail) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', fail);
  });
}

export async function openSockets(url: string, commanderToken: string, fieldCookie: string): Promise<FuzzSockets> {
  const commander = await open(url, { auth: { token: commanderToken } });
  const field = await open(url, { auth: { role: 'field' }, cookie: fieldCookie });
  return { commander, field, close: () => void [commander, field].forEach((s) => s.disconnect()) };
}

interface SocketInput {
  event: string;
  args: Json[];
  kinds: string[];
  asField: boolean;
}

/** What the server's handler sees as the payload: the first argument after a JSON round trip. */
function wire(v: Json): Json {
  const hasBinary = (x: Json): boolean => ArrayBuffer.isView(x) || (Array.isArray(x) ? x.some(hasBinary) : !!x && typeof x === 'object' && Object.values(x).some(hasBinary));
  return hasBinary(v) ? v : (JSON.parse(JSON.stringify(v) ?? 'null') as Json);
}

/** Names an entity by a key every plain object has (`constructor`, `__proto__`…): no such entity exists. */
export function namesPhantom(payload: Json): boolean {
  if (!payload || typeof payload !== 'object') return false;
  return ['teamId', 'cellId', 'checkpointId', 'taskId'].some((k) => {
    const v = (payload as Record<string, unknown>)[k];
    return typeof v === 'string' && v in Object.prototype;
  });
}

/** A payload the ledger would take: valid by the shared schema (and naming no phantom entity when those are fuzzed). */
export function commandAccepted(name: string, payload: Json, opts: { phantomIds: boolean }): boolean {
  if (!Object.hasOwn(Commands, name)) return false;
  return Commands[name as CommandName].safeParse(payload).success && !(opts.phantomIds && namesPhantom(payload));
}

/** A valid payload whose team, cell, checkpoint or task is a prototype key. */
export function phantomIds(valid: fc.Arbitrary<Json>): fc.Arbitrary<{ kinds: string[]; value: Json }> {
  return fc.tuple(valid, fc.constantFrom(...PROTO_KEYS)).map(([v, id]) => {
    const out = { ...(v as Record<string, Json>) };
    for (const k of ['teamId', 'cellId', 'checkpointId', 'taskId']) if (k in out) out[k] = id;
    return { kinds: ['phantomId'], value: out };
  });
}

const TOO_BIG = 200_000; // below maxHttpBufferSize (256 KB), over which socket.io closes the connection
/** socket.io-client's encoder recurses per level and overflows the test's stack beyond this; JSON.parse on the server does not care. */
const TOO_DEEP = 1_000;

/** Arguments as a client could emit them: a malformed payload, none, extra ones, binary garbage. */
function argsFor(valid: fc.Arbitrary<Json>, opts: { phantomIds: boolean }): fc.Arbitrary<{ kinds: string[]; args: Json[] }> {
  const one = opts.phantomIds ? fc.oneof({ arbitrary: malformed(valid), weight: 9 }, { arbitrary: phantomIds(valid), weight: 1 }) : malformed(valid);
  return fc
    .oneof(
      { weight: 12, arbitrary: one.map((p) => ({ kinds: p.kinds, args: [p.value] })) },
      { weight: 1, arbitrary: fc.constant<{ kinds: string[]; args: Json[] }>({ kinds: ['noPayload'], args: [] }) },
      { weight: 1, arbitrary: fc.tuple(one, fc.array(fc.anything(), { minLength: 1, maxLength: 3 })).map(([p, more]) => ({ kinds: [...p.kinds, 'extraArgs'], args: [p.value, ...more] })) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 1024 }).map((b) => ({ kinds: ['binary'], args: [b] })) },
      { weight: 1, arbitrary: fc.tuple(valid, fc.uint8Array({ maxLength: 256 }), fc.nat()).map(([v, b, pick]) => ({ kinds: ['binaryField'], args: [replaceAt(v, pick, b)] })) },
    )
    .filter((a) => depthOf(a.args) <= TOO_DEEP && (JSON.stringify(a.args)?.length ?? 0) < TOO_BIG);
}

function emit(socket: Socket, input: SocketInput) {
  return socket.timeout(CALL_TIMEOUT_MS).emitWithAck(input.event, ...input.args);
}

/** One path per command event, each from a commander's socket (and a field team's for its own commands). */
export function commandSocketPaths(sockets: () => FuzzSockets, opts: { phantomIds: boolean }): FuzzPath<SocketInput>[] {
  const fieldMay = new Set<string>(FIELD_COMMANDS);
  return COMMAND_NAMES.map((event) => ({
    name: `socket ${event}`,
    arb: fc.tuple(argsFor(VALID_COMMANDS[event], opts), fc.boolean()).map(([a, field]) => ({ event, ...a, asField: field && fieldMay.has(event) })),
    kinds: (i) => [...i.kinds, ...(i.asField ? ['asFieldTeam'] : [])],
    accepts: (i) => commandAccepted(i.event, wire(i.args[0]), opts),
    send: async (i) => ({ via: 'ack', ack: await emit(i.asField ? sockets().field : sockets().commander, i) }),
  }));
}

/** Socket.io-client refuses to emit these itself. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);
const NEAR_MISSES = ['position:reports', 'Position:report', 'position:report ', 'position', 'state:snapshot', 'state:delta', 'field:state', 'error', 'ping', ...PROTO_KEYS, '', ' ', '\u0000', 'x'.repeat(5000)];

/** Events that are not commands: typos, server-to-client names, prototype keys, arbitrary strings. */
export function unknownEventPath(sockets: () => FuzzSockets): FuzzPath<SocketInput> {
  const name = fc.oneof(fc.constantFrom(...NEAR_MISSES), fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 })).filter((n) => !RESERVED.has(n) && n !== LIVE_ACK && !COMMAND_NAMES.includes(n as CommandName));
  return {
    name: 'socket <unknown event>',
    arb: fc.tuple(name, argsFor(VALID_COMMANDS['position:report'], { phantomIds: false }), fc.boolean()).map(([event, a, asField]) => ({ event, ...a, asField })),
    kinds: (i) => ['unknownEvent', ...i.kinds],
    accepts: () => false,
    send: async (i) => ({ via: 'ack', ack: await emit(i.asField ? sockets().field : sockets().commander, i) }),
  };
}

/** `live:ack` receipts: malformed seqs and payloads, from a live screen and from a phone (which is not one). */
export function receiptPath(sockets: () => FuzzSockets): FuzzPath<SocketInput> {
  const valid = fc.record({ seq: fc.nat(10) }) as fc.Arbitrary<Json>;
  return {
    name: `socket ${LIVE_ACK}`,
    arb: fc.tuple(argsFor(valid, { phantomIds: false }), fc.boolean()).map(([a, asField]) => ({ event: LIVE_ACK, ...a, asField })),
    kinds: (i) => [...i.kinds, ...(i.asField ? ['asFieldTeam'] : [])],
    accepts: (i) => !i.asField && LiveAck.safeParse(wire(i.args[0])).success,
    send: async (i) => ({ via: 'ack', ack: await emit(i.asField ? sockets().field : sockets().commander, i) }),
  };
}

