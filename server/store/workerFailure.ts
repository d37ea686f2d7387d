/**
 * The error a store's worker thread stopped with, as one its caller can log: a worker's uncaught
 * error arrives structured-cloned, and a SqliteError then is a bare `{ code }` with no message.
 */
export function workerFailure(what: string, err: unknown): Error {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const why = [code, typeof e.message === 'string' ? e.message : undefined].filter(Boolean).join(': ') || String(err);
  return Object.assign(new Error(`${what} stopped: ${why}`), { code });
}
