import { z } from 'zod';
import type { Server, Socket } from 'socket.io';
import { COMMAND_NAMES } from '../../shared/commands.js';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';
import type { Ledger } from '../ledger/ledger.js';
import { reject } from '../commands/validate.js';
import type { Broadcaster } from './broadcaster.js';
import type { Logger } from 'pino';
import type { Registry } from '../auth/registry.js';
import { sessionTeam } from '../http/field.js';

type IO = Server<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const HandshakeAuth = z.object({
  role: z.enum(['wall', 'field']).optional(),
  lastSeq: z.number().int().min(0).optional(),
  logId: z.string().max(64).optional(),
  device: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).optional(),
});

/** Splits socket.io's argument list into payload and ack, whatever the client sent. */
function splitArgs(args: unknown[]): { payload: unknown; ack: ((a: Ack) => void) | null } {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as (a: Ack) => void) : null;
  return { payload: args[0] === last && ack ? undefined : args[0], ack };
}

/**
 * Wires sockets to the ledger: handshake check, one handler per command (parse → persist → ack;
 * the broadcaster sends the change on its next tick), and a clear answer to unknown events.
 */
interface SocketData {
  actor: string;
  lastSeq: number | undefined;
  /** Set for a signed-in field team's phone. */
  teamId: string | null;
}

export function attachLive(io: IO, ledger: Ledger, broadcaster: Broadcaster, log: Logger, registry?: Registry): void {
  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(new Error(`invalid handshake auth: ${auth.error.issues[0]?.message ?? 'bad'}`));
    let data: SocketData = { actor: auth.data.device ? `device:${auth.data.device}` : `socket:${socket.id}`, lastSeq: auth.data.logId === undefined || auth.data.logId === ledger.store.logId ? auth.data.lastSeq : undefined, teamId: null };
    if (auth.data.role === 'field') {
      const teamId = registry ? sessionTeam(registry, socket.handshake.headers.cookie) : null;
      if (!teamId) return next(new Error('not signed in: sign in with the team code first'));
      data = { ...data, actor: `team:${teamId}`, teamId };
    }
    socket.data = data;
    next();
  });
  io.on('connection', (socket: LiveSocket) => {
    const { actor, lastSeq, teamId } = socket.data as SocketData;
    const known = new Set<string>(COMMAND_NAMES);
    for (const name of COMMAND_NAMES) {
      socket.on(name, (...args: unknown[]) => {
        const { payload, ack } = splitArgs(args);
        ledger.submit(name, payload, actor).then(
          (res) => {
            if (!res.ok) log.debug({ actor, name, error: res.error.message }, 'command rejected');
            ack?.(res);
          },
          (err: unknown) => {
            log.error({ err, actor, name }, 'command failed');
            ack?.(reject('internal', 'internal error'));
          },
        );
      });
    }
    socket.onAny((event: string, ...args: unknown[]) => {
      if (known.has(event)) return;
      splitArgs(args).ack?.(reject('unknown_event', `unknown event ${event}`));
    });
    if (teamId) broadcaster.joinField(socket, teamId);
    else broadcaster.join(socket, lastSeq);
  });
}
