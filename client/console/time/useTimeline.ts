import { useEffect, useMemo, useState } from 'react';
import type { WallState } from '../../state/picture.js';
import { fetchTimeline } from '../api.js';
import { withLiveEnd, type Timeline } from '../model/timeline.js';

/** How often the fetched timeline is refreshed; between refreshes its end follows the live seq. */
const REFRESH_MS = 15_000;
const EMPTY: Timeline = { points: [] };

/** The log as the slider maps it (seq ↔ server time ↔ scenario time), its end kept at the live seq. */
export function useTimeline(live: WallState | null): Timeline {
  const [fetched, setFetched] = useState<Timeline>(EMPTY);
  useEffect(() => {
    let alive = true;
    const load = () =>
      fetchTimeline()
        .then((t) => alive && setFetched({ points: t.points }))
        .catch((err: unknown) => console.warn('timeline unavailable', err));
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  const seq = live?.seq ?? 0;
  const serverTime = live?.serverTime ?? 0;
  const scenarioTime = live?.clock?.scenarioTime ?? null;
  return useMemo(() => withLiveEnd(fetched, scenarioTime === null ? null : { seq, serverTime, scenarioTime }), [fetched, seq, serverTime, scenarioTime]);
}
