import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived its last mark-compact before the next
 * one, in percent; 0 leaves V8's own choice. The default is 100 (2 ×), measured in the eighth round
 * of docs/benchmarks.md: against V8's own choice, on one machine, the fan-out knee stayed at 4 × W
 * in three reps, and a 10-minute soak at 2 × W kept RSS within 211–256 MB (per-minute means
 * 229–237 MB after the second minute) where V8's own choice swung it 192–365 MB, with 36
 * mark-compacts instead of 52 and p99 drift +2.9 % (two more soaks: RSS slope 0.90 and 0.26 MB/min).
 * Its cost: the join storm's longest event-loop stall read 27–52 ms in six runs against 23–32 ms
 * with V8's own choice. 50 was the default once and was taken back,
 * for what it traded (sixth round):
 *
 * V8 picks that factor itself, between 1.1 and 4, from its estimate of GC speed against allocation
 * speed, and under a command centre's steady load the estimate swings: in a 10-minute soak at
 * 0.75 × W the heap committed went 83 → 246 → 98 MB around a 64 MB live set, RSS followed it (V8
 * keeps committed pages), and a burst of back-to-back collections after a swing lifted a minute's
 * p99 to 94–98 ms. Held at 50 % (1.5 ×), two soaks kept the heap at 101–137 MB in every minute, RSS
 * flat (+0.61 and +0.41 MB/min), p99 within 73–82 ms, and a slow-consumer stall grew RSS 17 MB
 * instead of 24–26 MB. But the collections come more often (37 mark-compacts in 10 minutes
 * against 27–35), each costs the event loop tens of ms on the server's one core, and the fan-out
 * scenario's few-second steps at 1–3 × W caught them: p99 109–165 ms at steps V8's own choice
 * passed at 70–86 ms, so the knee fell from 2–4 × W to 0.75 × W. 2 × sits between: fewer
 * collections than 1.5 ×, and no swing to 4 ×.
 *
 * Set at startup with `v8.setFlagsFromString`: V8 reads this flag each time it sizes the heap after
 * a collection, so it holds from the first one on, however the server was started.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 100;
/** The largest percent accepted (a factor of 11): past it V8 would barely collect the old generation. */
export const MAX_HEAP_GROWING_PERCENT = 1000;

/** The V8 flag tuneHeap sets (heap.test.ts checks that this Node's V8 still knows it). */
export const HEAP_GROWING_FLAG = '--heap-growing-percent';

/** Sets the factor; 0 sets nothing, so V8's own choice (or a `--heap-growing-percent` given to node) stands. */
export function tuneHeap(percent: number = DEFAULT_HEAP_GROWING_PERCENT): void {
  if (!Number.isInteger(percent) || percent < 0 || percent > MAX_HEAP_GROWING_PERCENT) throw new RangeError(`heap growing percent must be an integer from 0 to ${MAX_HEAP_GROWING_PERCENT}, not ${percent}`);
  if (percent > 0) v8.setFlagsFromString(`${HEAP_GROWING_FLAG}=${percent}`);
}
