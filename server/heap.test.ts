// tuneHeap holds V8's old generation to a fixed multiple of what survives, in a real Node process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { HEAP_GROWING_FLAG, tuneHeap } from './heap.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A child process keeps ~40 MB of entities alive and replaces a tenth of them per step, as the fold
 * replaces entities, so garbage is promoted before it dies. It reports what survived each
 * mark-compact and the most the old space ever committed.
 */
function churn(percent: number): { maxLiveMb: number; maxOldMb: number; majors: number } {
  const script = `
    import v8 from 'node:v8';
    import { PerformanceObserver, constants } from 'node:perf_hooks';
    import { tuneHeap } from ${JSON.stringify(path.join(here, 'heap.ts'))};
    tuneHeap(${percent});
    const MB = 2 ** 20;
    let maxLive = 0, maxOld = 0, majors = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        majors++;
        maxLive = Math.max(maxLive, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_used_size / MB);
      }
    }).observe({ entryTypes: ['gc'] });
    const live = new Array(200_000);
    const entity = (i) => ({ id: 'e' + i, position: [114 + i * 1e-6, 30.5], status: 'active', at: Date.now(), tags: ['a', 'b'] });
    for (let i = 0; i < live.length; i++) live[i] = entity(i);
    for (let step = 0; step < 600; step++) {
      for (let k = 0; k < 20_000; k++) { const i = (step * 20_000 + k * 7) % live.length; live[i] = entity(i); }
      // A turn of the event loop between steps, as between ticks: GC tasks and the observer run.
      await new Promise((r) => setImmediate(r));
      maxOld = Math.max(maxOld, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size / MB);
    }
    await new Promise((r) => setTimeout(r, 50));
    console.log(JSON.stringify({ maxLiveMb: maxLive, maxOldMb: maxOld, majors }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out.trim().split('\n').pop()!) as { maxLiveMb: number; maxOldMb: number; majors: number };
}

test(`this Node's V8 still has ${HEAP_GROWING_FLAG} (setFlagsFromString would ignore an unknown flag without a word)`, () => {
  expect(execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' })).toContain(HEAP_GROWING_FLAG);
});

test('an out-of-range growing percent is refused', () => {
  expect(() => tuneHeap(-1)).toThrow(/0 to 1000/);
  expect(() => tuneHeap(1.5)).toThrow(/integer/);
});

test('with the heap tuned, the old space committed stays within twice what survives a mark-compact', () => {
  const tuned = churn(50);
  expect(tuned.majors).toBeGreaterThan(2);
  expect(tuned.maxLiveMb).toBeGreaterThan(20);
  // 1.5 × live, and room for what is allocated while a collection's marking runs.
  expect(tuned.maxOldMb).toBeLessThan(2 * tuned.maxLiveMb);
}, 60_000);
