import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../auth/authApi.js';

/** The server's message for a refusal, or the network error's. */
export const messageOf = (err: unknown): string => (err instanceof ApiError || err instanceof Error ? err.message : String(err));

/** A list loaded from the admin API, with `reload` for after a change. `load` must be stable. */
export function useAdminList<T>(load: () => Promise<T[]>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let stopped = false;
    load().then(
      (list) => {
        if (stopped) return;
        setItems(list);
        setError(null);
      },
      (err: unknown) => !stopped && setError(messageOf(err)),
    );
    return () => void (stopped = true);
  }, [load, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { items, error, reload };
}

/** One change at a time per panel: busy while it runs, then its error or its success line. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<string | null | void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone((await action()) ?? null);
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run };
}
