import type { CommandOf, FieldCommand } from '../../../shared/commands.js';
import type { Ack, ErrorCode } from '../../../shared/protocol.js';

export { FIELD_COMMANDS, type FieldCommand } from '../../../shared/commands.js';

/** One queued report, as kept in IndexedDB until the server acknowledges it. */
export interface OutboxItem<N extends FieldCommand = FieldCommand> {
  reportId: string;
  name: N;
  payload: CommandOf<N>;
  /** Team signed in when the report was made; only its own reports are sent. */
  teamId: string;
  /** Local time the report was queued (epoch ms). */
  createdAt: number;
  attempts: number;
  /** Not sent again before this time (epoch ms). */
  nextAttemptAt: number;
  status: 'pending' | 'failed';
  /** Why the server refused it (failed items only). */
  error: { code: ErrorCode; message: string } | null;
}

/** Retry timing; exponential with jitter so a crowd of phones does not reconnect in step. */
export const BACKOFF = { baseMs: 2_000, maxMs: 5 * 60_000 } as const;

/** Refusals that resending cannot fix: the report is marked failed and shown to the user. */
const FINAL_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['invalid', 'forbidden', 'unknown_entity', 'unknown_event']);

export function createItem<N extends FieldCommand>(name: N, payload: CommandOf<N>, teamId: string, now: number): OutboxItem<N> {
  return { reportId: payload.reportId, name, payload, teamId, createdAt: now, attempts: 0, nextAttemptAt: now, status: 'pending', error: null };
}

/** Delay before attempt `attempts + 1`; `random` in [0, 1). */
export function backoffMs(attempts: number, random: number): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

const recordedAt = (item: OutboxItem) => item.payload.recordedAt;

/**
 * The due reports of `teamId` in sending order: the NEWEST position first, so the wall sees where the
 * team is now, then the other reports oldest first, then the older positions as history backfill
 * (traccar-client-android#178). The server keeps old fixes but never moves a team backwards.
 */
export function sendOrder(items: readonly OutboxItem[], teamId: string, now: number): OutboxItem[] {
  const due = items.filter((i) => i.status === 'pending' && i.teamId === teamId && i.nextAttemptAt <= now);
  const positions = due.filter((i) => i.name === 'position:report').sort((a, b) => recordedAt(a) - recordedAt(b));
  const others = due.filter((i) => i.name !== 'position:report').sort((a, b) => a.createdAt - b.createdAt);
  const newest = positions.pop();
  return [...(newest ? [newest] : []), ...others, ...positions];
}

/** What to do with an item after the server answered. */
export type Outcome = { kind: 'done' } | { kind: 'keep'; item: OutboxItem };

export function afterAck(item: OutboxItem, ack: Ack, now: number, random: number): Outcome {
  if (ack.ok) return { kind: 'done' };
  const error = { code: ack.error.code, message: ack.error.message };
  if (FINAL_ERRORS.has(ack.error.code)) return { kind: 'keep', item: { ...item, status: 'failed', error, attempts: item.attempts + 1 } };
  // unavailable / internal: the server is in trouble, not the report.
  return { kind: 'keep', item: afterNetworkError(item, now, random) };
}

/** A timeout or lost connection: the report may or may not have arrived, so it is sent again later. */
export function afterNetworkError(item: OutboxItem, now: number, random: number): OutboxItem {
  const attempts = item.attempts + 1;
  return { ...item, attempts, nextAttemptAt: now + backoffMs(attempts, random) };
}

/** The link is back: everything pending is due now. */
export function wakeAll(items: readonly OutboxItem[], now: number): OutboxItem[] {
  return items.filter((i) => i.status === 'pending' && i.nextAttemptAt > now).map((i) => ({ ...i, nextAttemptAt: now }));
}

/** Earliest time a pending item of `teamId` becomes due, or null. */
export function nextDueAt(items: readonly OutboxItem[], teamId: string): number | null {
  let at: number | null = null;
  for (const i of items) if (i.status === 'pending' && i.teamId === teamId && (at === null || i.nextAttemptAt < at)) at = i.nextAttemptAt;
  return at;
}
