import type { Server, Socket } from 'socket.io';
import { can } from '../../shared/auth.js';
import { COMMAND_NAMES } from '../../shared/commands.js';
import { HandshakeAuth, LIVE_ACK, LiveAck, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol.js';
import type { Ledger } from '../ledger/ledger.js';
import { reject } from '../commands/validate.js';
import type { Broadcaster } from './broadcaster.js';
import type { Logger } from 'pino';
import type { Registry } from '../auth/registry.js';
import { authenticate, type Credentials, type Principal } from '../auth/principal.js';
import { mayCommand } from '../auth/guard.js';
import type { RateLimits } from '../http/rateLimit.js';

type IO = Server<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;


/** Splits socket.io's argument list into payload and ack, whatever the client sent. */
function splitArgs(args: unknown[]): { payload: unknown; ack: ((a: Ack) => void) | null } {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as (a: Ack) => void) : null;
  return { payload: args[0] === last && ack ? undefined : args[0], ack };
}

interface SocketData {
  principal: Principal;
  credentials: Credentials;
  lastSeq: number | undefined;
}

export interface LiveDeps {
  io: IO;
  ledger: Ledger;
  broadcaster: Broadcaster;
  log: Logger;
  registry: Registry;
  limits: RateLimits;
  /** How often open sockets re-check their credential (expiry, any revocation path). @default 30 s */
  recheckMs?: number;
}

/**
 * Wires sockets to the ledger: the handshake authenticates (cookie or token) and must grant the
 * live picture or a team's own field state; every inbound event passes the same command gate and
 * rate limit as HTTP; a revoked credential's sockets are disconnected at once.
 */
export function attachLive(deps: LiveDeps): { close(): void } {
  const { io, ledger, broadcaster, log, registry, limits } = deps;
  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) return next(new Error(`invalid handshake auth: ${auth.error.issues[0]?.message ?? 'bad'}`));
    const field = auth.data.role === 'field';
    const credentials: Credentials = { cookie: socket.handshake.headers.cookie, token: auth.data.token, fieldOnly: field };
    const principal = authenticate(registry, credentials);
    if (principal.kind === 'anonymous') return next(new Error(field ? 'not signed in: sign in with the team code first' : 'not signed in'));
    if (field ? !principal.teamId : !can(principal.role, 'live:read')) return next(new Error(`forbidden: role ${principal.role} cannot open the ${field ? 'field' : 'live'} view`));
    const lastSeq = auth.data.logId === undefined || auth.data.logId === ledger.store.logId ? auth.data.lastSeq : undefined;
    socket.data = { principal, credentials, lastSeq } satisfies SocketData;
    next();
  });

  io.on('connection', (socket: LiveSocket) => {
    const { principal, lastSeq } = socket.data as SocketData;
    for (const room of principal.rooms) void socket.join(room);
    const known = new Set<string>([...COMMAND_NAMES, LIVE_ACK]);
    for (const name of COMMAND_NAMES) {
      socket.on(name, (...args: unknown[]) => {
        const { payload, ack } = splitArgs(args);
        const denied = mayCommand(principal, name);
        if (denied) return ack?.(denied);
        limits
          .command(principal)
          .then((limited) => limited ?? ledger.submit(name, payload, principal.actor))
          .then(
            (res) => {
              if (!res.ok) log.debug({ actor: principal.actor, name, error: res.error.message }, 'command rejected');
              ack?.(res);
            },
            (err: unknown) => {
              log.error({ err, actor: principal.actor, name }, 'command failed');
              ack?.(reject('internal', 'internal error'));
            },
          );
      });
    }
    // Receipts are not commands: no ledger, no rate limit (one a second per screen, O(1) each).
    socket.on(LIVE_ACK, (...args: unknown[]) => {
      const { payload, ack } = splitArgs(args);
      const receipt = LiveAck.safeParse(payload);
      if (!receipt.success) return ack?.(reject('invalid', `invalid receipt: ${receipt.error.issues[0]?.message ?? 'bad'}`));
      const answer = broadcaster.ack(socket, receipt.data.seq); // before `ack?.`: it would skip its argument
      ack?.(answer);
    });
    socket.onAny((event: string, ...args: unknown[]) => {
      if (known.has(event)) return;
      splitArgs(args).ack?.(reject('unknown_event', `unknown event ${event}`));
    });
    if (principal.teamId && (socket.data as SocketData).credentials.fieldOnly) broadcaster.joinField(socket, principal.teamId);
    else broadcaster.join(socket, lastSeq, principal.role === 'wall' ? 'wall' : 'full');
  });

  const stopRevoked = registry.onRevoked((room) => {
    log.info({ room }, 'credential revoked: disconnecting its sockets');
    io.in(room).disconnectSockets(true);
  });
  // Sessions expire and accounts change by paths that announce nothing: re-check every socket.
  const recheck = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      const data = socket.data as SocketData | undefined;
      if (!data) continue;
      const now = authenticate(registry, data.credentials);
      if (now.actor !== data.principal.actor || now.role !== data.principal.role) socket.disconnect(true);
    }
  }, deps.recheckMs ?? 30_000);
  recheck.unref();
  return {
    close() {
      stopRevoked();
      clearInterval(recheck);
    },
  };
}
