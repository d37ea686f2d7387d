import express from 'express';
import http from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Logger } from 'pino';
import { COMMAND_NAMES, type CommandName } from '../../shared/commands.js';
import type { Ack, PictureState } from '../../shared/protocol.js';
import type { Registry } from '../../server/auth/registry.js';
import { Ledger, type LedgerOptions } from '../../server/ledger/ledger.js';
import { createIngestRouters } from '../../server/ingest/ingest.js';
import type { BenchApp } from './ours.js';

type Kind = 'cells' | 'checkpoints' | 'teams';

/** The entity a command changes, for the baseline's one-emit-per-change. */
function changedEntity(name: CommandName, payload: Record<string, unknown>): [Kind, string] | null {
  if (name === 'position:report' || name === 'team:setStatus') return ['teams', payload.teamId as string];
  if (name === 'checkpoint:setStatus' || name === 'checkpoint:tally') return ['checkpoints', payload.checkpointId as string];
  if (name === 'cell:report' || name === 'cell:visit') return ['cells', payload.cellId as string];
  return null;
}

/**
 * The same ledger — same validation, same group-committed SQLite log, same fold — that also calls
 * `onChange` once per accepted command, as it is folded (when ours would show it at the next tick).
 * Only the fan-out differs from ours.
 */
export class NaiveLedger extends Ledger {
  onChange: (kind: Kind, entity: unknown) => void = () => undefined;

  constructor(opts: LedgerOptions) {
    super({
      ...opts,
      onFolded: (event) => {
        const changed = changedEntity(event.type as CommandName, event.data as unknown as Record<string, unknown>);
        const entity = changed && (this.state[changed[0]] as PictureState[Kind])[changed[1]];
        if (changed && entity) this.onChange(changed[0], entity);
      },
    });
  }
}

/**
 * The design most live dashboards start with: every accepted change is emitted at once, as the whole
 * entity, to every connected screen (`io.emit`: no rooms, no coalescing), and a screen that connects
 * gets the whole state as one JSON. Reporters use their own namespace, so phones are not sent the
 * map (that would only make the baseline look worse). `io.emit` still encodes each message once
 * for all sockets (socket.io ≥ 4.6), which is kinder to the baseline than a loop of `socket.emit`.
 */
export function startNaive(deps: { ledger: NaiveLedger; registry: Registry; log: Logger }): BenchApp {
  const app = express();
  app.disable('x-powered-by');
  for (const [mount, router] of Object.entries(createIngestRouters({ ledger: deps.ledger, registry: deps.registry, log: deps.log }))) {
    app.use(mount, router);
  }
  const server = http.createServer(app);
  const io = new Server(server, { serveClient: false, maxHttpBufferSize: 256 * 1024, perMessageDeflate: false });
  deps.ledger.onChange = (kind, entity) => io.emit('naive:update', kind, entity);

  const handleCommands = (socket: Socket) => {
    const actor = `device:${String((socket.handshake.auth as { device?: string }).device ?? 'naive')}`;
    for (const name of COMMAND_NAMES) {
      socket.on(name, (payload: unknown, ack?: (a: Ack) => void) => {
        void deps.ledger.submit(name, payload, actor).then((a) => ack?.(a));
      });
    }
  };
  io.on('connection', (socket) => {
    handleCommands(socket);
    // `skipState`: bench setup only (see LoadPlan.naiveSkipState).
    if (!(socket.handshake.auth as { skipState?: boolean }).skipState) socket.emit('naive:state', deps.ledger.state);
  });
  io.of('/field').on('connection', handleCommands);
  return {
    server,
    clients: () => io.engine.clientsCount,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
