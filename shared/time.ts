/** Scenario dates are Asia/Shanghai calendar days (UTC+8, no DST). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DD` of an epoch-ms instant in Asia/Shanghai. */
export function shanghaiDate(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms of 00:00 Asia/Shanghai on a `YYYY-MM-DD` date. */
export function shanghaiMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
}
