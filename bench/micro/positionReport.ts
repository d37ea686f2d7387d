import type { NewEvent } from '../../shared/events.js';

/**
 * A position report as the ledger logs it, for the micro benches that append to the store
 * directly: the `k`-th report of batch `i` (unique report id), from team `T-B<team>`.
 */
export function positionReport(i: number, k: number, team = k % 500): NewEvent {
  const t = Date.now();
  const data = { reportId: `m${i}x${k}xxxxxxxx`, recordedAt: t, teamId: `T-B${team}`, position: [114.3 + k * 1e-5, 30.5], accuracyM: 8, speedMps: 3, headingDeg: 90, batteryPct: 80 };
  return { type: 'position:report', actor: `team:T-B${team}`, reportId: data.reportId, deviceTime: t, serverTime: t, data } as NewEvent;
}
