import type { LngLat } from '../../../shared/geo.js';

/** One event of `GET /api/v1/entities/:kind/:id/events`. */
export interface EntityEvent {
  seq: number;
  type: string;
  actor: string;
  deviceTime: number | null;
  serverTime: number;
  data: Record<string, unknown>;
  late: boolean;
  outOfOrder: boolean;
}

/** A point of an entity's history chart: `t` is when it happened (device time when known). */
export interface HistoryPoint {
  t: number;
  [series: string]: number;
}

const when = (e: EntityEvent) => e.deviceTime ?? e.serverTime;
/** Oldest first, by when it happened: late reports land where they belong, not where they arrived. */
const chronological = (events: readonly EntityEvent[]) => [...events].sort((a, b) => when(a) - when(b) || a.seq - b.seq);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

const CELL_SERIES = ['confirmed', 'active', 'suspected', 'feverToday'] as const;

/** A cell's counts after each report: reports may name only some counts, the rest carry over. */
export function cellHistory(events: readonly EntityEvent[]): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  const current: Record<string, number> = {};
  for (const e of chronological(events)) {
    const counts = (e.type === 'cell:report' ? e.data.counts : e.type === 'cell:upserted' ? e.data.counts : undefined) as Record<string, unknown> | undefined;
    if (!counts) continue;
    for (const k of CELL_SERIES) current[k] = num(counts[k]) ?? current[k] ?? 0;
    out.push({ t: when(e), ...current });
  }
  return out;
}

/** A checkpoint's flow: persons in and out and refused, per tally report. */
export function checkpointHistory(events: readonly EntityEvent[]): HistoryPoint[] {
  return chronological(events)
    .filter((e) => e.type === 'checkpoint:tally')
    .map((e) => ({ t: when(e), inbound: num(e.data.inboundPersons) ?? 0, outbound: num(e.data.outboundPersons) ?? 0, refused: num(e.data.refused) ?? 0 }));
}

/** Great-circle distance in metres (haversine; ample for a team's few-km legs). */
export function distanceM(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** A team's distance covered over the fetched fixes, in km, cumulative. */
export function teamHistory(events: readonly EntityEvent[]): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  let prev: LngLat | null = null;
  let km = 0;
  for (const e of chronological(events)) {
    if (e.type !== 'position:report') continue;
    const p = e.data.position as LngLat | undefined;
    if (!p) continue;
    if (prev) km += distanceM(prev, p) / 1000;
    prev = p;
    out.push({ t: when(e), distanceKm: Math.round(km * 100) / 100 });
  }
  return out;
}
