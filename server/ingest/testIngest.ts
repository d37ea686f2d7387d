import pino from 'pino';
import { startTestServer } from '../testing/liveServer.js';
import { createIngestRouters } from './ingest.js';

/** The fixture server with the tracker routes mounted and every log line kept for assertions. */
export async function startIngestServer(now?: () => number) {
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const server = await startTestServer({ routers: ({ ledger, registry }) => createIngestRouters({ ledger, registry, log, now }) });
  return {
    ...server,
    log,
    logs,
    lastSeq: () => server.store.lastSeq(),
    team: (id: string) => server.ledger.state.teams[id]!,
  };
}

export type IngestServer = Awaited<ReturnType<typeof startIngestServer>>;
