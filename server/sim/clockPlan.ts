import { shanghaiDate } from '../../shared/time.js';
import type { Planned, SimState } from './state.js';

/**
 * Advances scenario time by `speed` scenario-seconds per real second and reports it about once a
 * real second. At the end of the curve data the clock stops and is reported once more with speed 0.
 * Returns the commands and whether the scenario date changed (or this is the first tick).
 */
export function planClock(s: SimState, realNowMs: number): { planned: Planned[]; newDate: string | null } {
  const dtS = Math.max(0, (realNowMs - s.lastRealMs) / 1000);
  s.lastRealMs = realNowMs;
  const planned: Planned[] = [];
  if (!s.held) {
    s.scenarioTime = Math.min(s.ctx.endTime, Math.round(s.scenarioTime + dtS * s.ctx.speed * 1000));
    const reachedEnd = s.scenarioTime >= s.ctx.endTime;
    if (reachedEnd || realNowMs - s.lastClockRealMs >= 900 || s.date === null) {
      s.held = reachedEnd;
      s.lastClockRealMs = realNowMs;
      planned.push({
        command: { name: 'clock:set', payload: { ...s.stamp(), scenarioTime: s.scenarioTime, speed: reachedEnd ? 0 : s.ctx.speed } },
        key: 'clock',
      });
    }
  }
  const date = shanghaiDate(s.scenarioTime);
  const newDate = date !== s.date ? date : null;
  s.date = date;
  return { planned, newDate };
}

/** Scenario hour of day (0–23) in Asia/Shanghai. */
export function scenarioHour(s: SimState): number {
  return new Date(s.scenarioTime + 8 * 3600_000).getUTCHours();
}
