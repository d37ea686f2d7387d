import { useEffect, useRef, useState } from 'react';
import type { CommandOf } from '../../../shared/commands.js';
import { newReportId } from '../outbox/reportId.js';
import { batteryPct } from './battery.js';
import { shouldReport, type Fix } from './rate.js';
import { toFix, toPositionReport } from './toReport.js';

export type GeoProblem = 'denied' | 'unavailable' | null;

/** Options of `usePositionSharing`. */
export interface PositionSharingOptions {
  teamId: string | null;
  /** Watch the GPS and report; off means the GPS is not even asked. */
  enabled: boolean;
  onReport(report: CommandOf<'position:report'>): void;
}

/**
 * Watches the GPS (high accuracy) while on duty and hands a position report to `onReport` at the
 * adaptive rate of geo/rate.ts. The latest fix is returned for the page (and for incident locations).
 */
export function usePositionSharing({ teamId, enabled, onReport }: PositionSharingOptions) {
  const [lastFix, setLastFix] = useState<GeolocationPosition | null>(null);
  const [problem, setProblem] = useState<GeoProblem>(null);
  const reported = useRef<Fix | null>(null);
  const report = useRef(onReport);
  useEffect(() => void (report.current = onReport), [onReport]);

  useEffect(() => {
    if (!enabled || !teamId || !('geolocation' in navigator)) return;
    reported.current = null; // going on duty reports the first fix at once
    const id = navigator.geolocation.watchPosition(
      (pos) => {
        setLastFix(pos);
        setProblem(null);
        const fix = toFix(pos);
        if (!shouldReport(fix, reported.current)) return;
        reported.current = fix;
        void batteryPct().then((pct) => report.current(toPositionReport(pos, teamId, newReportId(), pct)));
      },
      (err) => setProblem(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, maximumAge: 0, timeout: 60_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [enabled, teamId]);

  return { lastFix, problem };
}
