import type { EntityKind } from '../../../shared/entities.js';

/** The kinds the console exports (tasks are operational and left to the API). */
export const EXPORT_KINDS: readonly EntityKind[] = ['cells', 'checkpoints', 'teams', 'incidents'];
export const EXPORT_FORMATS = ['geojson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `/api/v1/export/<kind>.<format>`, at the replayed seq when there is one, so a file matches the screen. */
export function exportHref(kind: EntityKind, format: ExportFormat, seq: number | null): string {
  return `/api/v1/export/${kind}.${format}${seq === null ? '' : `?seq=${seq}`}`;
}

/** Events between two server times as one CSV. */
export function eventsCsvHref(fromServerMs: number, toServerMs: number): string {
  return `/api/v1/events?format=csv&from=${Math.floor(fromServerMs)}&to=${Math.ceil(toServerMs)}`;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `<input type="datetime-local">` value (read as Asia/Shanghai, which has no DST) → epoch ms; null if blank. */
export function parseShanghaiLocal(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - SHANGHAI_OFFSET_MS;
}

/** Epoch ms → `<input type="datetime-local">` value in Asia/Shanghai. */
export function toShanghaiLocal(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}
