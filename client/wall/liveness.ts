import type { LinkStatus } from '../live/pictureStore.js';

/** Data older than this is no longer called live. */
export const STALE_AFTER_MS = 5_000;
/** Past this, stale data is shown as an alarm (red) rather than a warning (amber). */
export const ALARM_AFTER_MS = 30_000;

/** How the wall must describe its own freshness. */
export type Liveness =
  | { kind: 'live' }
  | { kind: 'connecting'; level: 'warn' }
  | { kind: 'stale'; level: 'warn' | 'alarm'; ageS: number }
  | { kind: 'reconnecting' | 'offline'; level: 'alarm'; ageS: number | null };

/**
 * Live only while connected and a message arrived within `STALE_AFTER_MS`: a connected socket that
 * carries nothing is not proof that the picture is current.
 */
export function liveness(status: LinkStatus, lastMessageAt: number | null, now: number): Liveness {
  const ageMs = lastMessageAt === null ? null : Math.max(0, now - lastMessageAt);
  const ageS = ageMs === null ? null : Math.floor(ageMs / 1000);
  if (status === 'reconnecting' || status === 'offline') return { kind: status, level: 'alarm', ageS };
  // The gate replaces the page at once; until it does, never call the picture live.
  if (status === 'signedOut') return { kind: 'offline', level: 'alarm', ageS };
  if (ageMs === null || ageS === null) return { kind: 'connecting', level: 'warn' };
  if (status === 'connecting') return { kind: 'reconnecting', level: 'alarm', ageS };
  if (ageMs <= STALE_AFTER_MS) return { kind: 'live' };
  return { kind: 'stale', level: ageMs > ALARM_AFTER_MS ? 'alarm' : 'warn', ageS };
}
