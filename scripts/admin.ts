// Admin CLI: team sign-in codes and tracker devices. `npm run admin -- help` lists the commands.
// Uses the server's DATA_DIR; safe while the server runs (both SQLite files are in WAL mode).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../server/config.js';
import { Registry } from '../server/auth/registry.js';
import { openSqliteStore } from '../server/store/sqliteStore.js';
import { Ledger } from '../server/ledger/ledger.js';
import { runAdmin } from '../server/ingest/adminCli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = loadConfig(process.env, root);
const logFile = path.join(config.dataDir, 'gridcommand.sqlite');
const registry = new Registry(path.join(config.dataDir, 'registry.sqlite'));

/** Teams as the server sees them: the event log folded into state (read only). */
async function teams() {
  const store = openSqliteStore(logFile);
  try {
    const ledger = new Ledger({ store });
    await ledger.load();
    return ledger.state.teams;
  } finally {
    await store.close();
  }
}

// `npm run admin -- teams | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

try {
  const result = await runAdmin(process.argv.slice(2), { registry, teams, source: logFile });
  for (const line of result.out) process.stdout.write(`${line}\n`);
  for (const line of result.err) process.stderr.write(`${line}\n`);
  process.exitCode = result.code;
} finally {
  registry.close();
}
