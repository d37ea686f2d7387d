import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `ms` (the latest value always lands).
 * Recharts redraws SVG on every prop change; charts are kept to ≤ 2 Hz (see PERFORMANCE.md).
 */
export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, lastAt.current + ms - Date.now());
    const timer = setTimeout(() => {
      lastAt.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}
