import { useCallback, useEffect, useRef, useState } from 'react';
import { applyReplay, LIVE, type ReplayAction, type ReplayState } from '../model/replay.js';
import type { Timeline } from '../model/timeline.js';

/** Playback advances in ticks this long; the picture follows as fast as snapshots load. */
const TICK_MS = 250;

/** The replay controller bound to the current timeline, with a ticking clock while playing. */
export function useReplay(timeline: Timeline): [ReplayState, (a: ReplayAction) => void] {
  const [state, setState] = useState<ReplayState>(LIVE);
  // The reducer needs the latest timeline, which grows every second; a ref keeps dispatch stable.
  const timelineRef = useRef(timeline);
  useEffect(() => {
    timelineRef.current = timeline;
  }, [timeline]);
  const dispatch = useCallback((action: ReplayAction) => setState((s) => applyReplay(s, action, timelineRef.current)), []);
  const playing = state.mode === 'replay' && state.playing;
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      dispatch({ type: 'tick', elapsedMs: now - last });
      last = now;
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, dispatch]);
  return [state, dispatch];
}
