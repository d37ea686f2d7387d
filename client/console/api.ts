import type { EntityKind } from '../../shared/entities.js';
import type { Snapshot } from '../../shared/protocol.js';
import type { EntityEvent } from './model/history.js';
import type { TimelinePoint } from './model/timeline.js';

// The console's calls to /api/v1 (the only file here that fetches). Answers are the server's
// documented shapes (server/http/v1/schemas.ts); they come from our own origin, so they are not re-validated.

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}

export async function fetchTimeline(points = 400): Promise<{ lastSeq: number; points: TimelinePoint[] }> {
  return json(await fetch(`/api/v1/timeline?points=${points}`));
}

/** The whole picture right after event `seq`. */
export async function fetchStateAt(seq: number): Promise<Snapshot> {
  return json(await fetch(`/api/v1/state?seq=${seq}`));
}

/** Recent events about one entity, newest first; `beforeSeq` limits them to a past moment. */
export async function fetchEntityEvents(kind: EntityKind, id: string, opts: { beforeSeq?: number; limit?: number; signal?: AbortSignal } = {}): Promise<EntityEvent[]> {
  const q = new URLSearchParams({ limit: String(opts.limit ?? 60) });
  if (opts.beforeSeq !== undefined) q.set('beforeSeq', String(opts.beforeSeq));
  const answer = await json<{ events: EntityEvent[] }>(await fetch(`/api/v1/entities/${kind}/${encodeURIComponent(id)}/events?${q}`, { signal: opts.signal }));
  return answer.events;
}

/** What `POST /api/v1/import/cells` answers (also with 400 when no feature is valid). */
export interface ImportReport {
  accepted: number;
  dryRun: boolean;
  rejected: { index: number; id?: string; reasons: string[] }[];
  error?: { message: string };
}

export async function importCells(body: string, { dryRun }: { dryRun: boolean }): Promise<ImportReport> {
  const res = await fetch(`/api/v1/import/cells?source=console${dryRun ? '&dryRun=1' : ''}`, { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body });
  const answer = (await res.json().catch(() => null)) as ImportReport | null;
  if (answer && Array.isArray(answer.rejected)) return answer;
  const message = (answer as { error?: { message?: string } } | null)?.error?.message ?? `${res.status} ${res.statusText}`;
  throw new Error(message);
}
