import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived its last mark-compact before the next
 * one, in percent; 0 leaves V8's own choice.
 *
 * V8 picks that factor itself, between 1.1 and 4, from its estimate of GC speed against allocation
 * speed. Under the steady load of a command centre the estimate swings: in a 10-minute soak at
 * 0.75 × W the heap committed went 83 → 246 → 98 MB around a 64 MB live set, RSS followed it (V8
 * keeps committed pages), and after each swing came a burst of back-to-back collections that lifted
 * a minute's p99 from ~71 to 94–98 ms. Held at 1.5 × (50 %), the same soak kept the heap at
 * 101–137 MB in every minute, RSS flat (+0.6 MB/min) and p99 within 73–79 ms, at the same server CPU
 * (docs/benchmarks.md, sixth round). Entities live about a second here (a team's fix replaces its
 * entity), so most garbage is promoted before it dies and the old generation's pacing is what counts.
 *
 * Set at startup with `v8.setFlagsFromString`: V8 reads this flag each time it sizes the heap after
 * a collection, so it holds from the first one on, however the server was started.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** The V8 flag tuneHeap sets (heap.test.ts checks that this Node's V8 still knows it). */
export const HEAP_GROWING_FLAG = '--heap-growing-percent';

export function tuneHeap(percent: number = DEFAULT_HEAP_GROWING_PERCENT): void {
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000) throw new RangeError(`heap growing percent must be an integer from 0 to 1000, not ${percent}`);
  v8.setFlagsFromString(`${HEAP_GROWING_FLAG}=${percent}`);
}
