import type { LogEvent } from '../../shared/events.js';
import type { EventStore } from '../store/eventStore.js';
import { CLOCK_ENTITY } from './entities.js';

/** Where the scenario clock stood at one event of the log. */
export interface TimelinePoint {
  seq: number;
  serverTime: number;
  scenarioTime: number;
}

export interface Timeline {
  lastSeq: number;
  points: TimelinePoint[];
}

/**
 * About `points` positions of the scenario clock spread evenly over the log, so a time slider can map
 * scenario time ↔ seq. Each probe is one index lookup (the last `clock:set` at or before an evenly
 * spaced seq), so the cost does not grow with the log. The last point is the latest seq, carrying the
 * scenario time of the clock then.
 */
export async function timeline(store: EventStore, { points = 200 }: { points?: number } = {}): Promise<Timeline> {
  const lastSeq = await store.lastSeq();
  const marks = new Map<number, TimelinePoint>();
  const first = (await store.entityEvents(CLOCK_ENTITY, { limit: 1, order: 'oldest' }))[0];
  if (first) marks.set(first.seq, pointOf(first));
  for (const target of probes(lastSeq, points)) {
    const e = (await store.entityEvents(CLOCK_ENTITY, { limit: 1, beforeSeq: target + 1 }))[0];
    if (e) marks.set(e.seq, pointOf(e));
  }
  const sorted = [...marks.values()].sort((a, b) => a.seq - b.seq);
  const latest = sorted.at(-1);
  if (latest && latest.seq < lastSeq) {
    const end = await lastEvent(store, lastSeq);
    sorted.push({ seq: lastSeq, serverTime: end?.serverTime ?? latest.serverTime, scenarioTime: latest.scenarioTime });
  }
  return { lastSeq, points: sorted };
}

/** `n` seqs evenly spaced over (0, lastSeq], ending at lastSeq. */
export function probes(lastSeq: number, n: number): number[] {
  if (lastSeq <= 0 || n <= 0) return [];
  const step = lastSeq / n;
  return [...new Set(Array.from({ length: n }, (_, i) => Math.max(1, Math.round(step * (i + 1)))))];
}

function pointOf(e: LogEvent): TimelinePoint {
  return { seq: e.seq, serverTime: e.serverTime, scenarioTime: (e as LogEvent<'clock:set'>).data.scenarioTime };
}

async function lastEvent(store: EventStore, seq: number): Promise<LogEvent | null> {
  for await (const e of store.readEvents(seq - 1, seq)) return e;
  return null;
}
