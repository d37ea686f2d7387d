import type { LogEvent } from '../../shared/events.js';

/** A report received more than this long after it was made is late (queued offline, slow network). */
export const LATE_AFTER_MS = 60_000;

/** A logged event as the history API shows it. */
export type FlaggedEvent = LogEvent & {
  /** Received more than a minute after the device made it. */
  late: boolean;
  /** Made before an earlier-logged event about the same entity: the fold kept it for history only, or applied it behind newer news. */
  outOfOrder: boolean;
};

/**
 * Flags events of one entity, given newest first. `lookback` more (older) events, also newest first,
 * let the oldest ones be compared too; they are not returned. An event is out of order when its device
 * time is older than the newest device time of any event about the entity logged before it.
 */
export function flagEvents(newestFirst: LogEvent[], lookback: LogEvent[] = []): FlaggedEvent[] {
  const chronological = [...newestFirst, ...lookback].reverse();
  let newestDeviceTime = -Infinity;
  const flagged = new Map<number, FlaggedEvent>();
  for (const e of chronological) {
    const t = e.deviceTime;
    const late = t !== null && e.serverTime - t > LATE_AFTER_MS;
    const outOfOrder = t !== null && t < newestDeviceTime;
    if (t !== null) newestDeviceTime = Math.max(newestDeviceTime, t);
    flagged.set(e.seq, { ...e, late, outOfOrder });
  }
  return newestFirst.map((e) => flagged.get(e.seq)!);
}
