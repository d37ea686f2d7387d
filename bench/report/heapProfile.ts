/**
 * Summarizes a `.heapprofile` from `npm run bench -- --heap-profile`: V8's allocation samples that a
 * scavenge did not free, i.e. what went to the old generation (or is still alive at the end), by
 * where the code lives and by the innermost function of our own server that allocated it (the frames
 * below it are libraries'). What tops this list is what makes the heap's sawtooth: the old generation
 * grows by it until the next mark-compact.
 *
 *   npx tsx bench/report/heapProfile.ts bench/results/<run>/w-ours-1.heapprofile [--top 20]
 */
import fs from 'node:fs';
import { area, isOwn, label, type CallFrame } from './profile.js';

export interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

/** Sampled bytes by area of the allocating frame, and by the innermost own-server frame on the stack. */
export function summarizeHeap(root: HeapNode): { totalBytes: number; byArea: Map<string, number>; byOwnFrame: Map<string, number> } {
  const byArea = new Map<string, number>();
  const byOwnFrame = new Map<string, number>();
  let totalBytes = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const walk = (n: HeapNode, own: string | null, outer: string) => {
    const here = isOwn(n.callFrame.url) ? label(n.callFrame) : own;
    const top = outer || (n.callFrame.url ? label(n.callFrame) : '');
    if (n.selfSize) {
      totalBytes += n.selfSize;
      add(byArea, area(n.callFrame.url, n.callFrame.functionName), n.selfSize);
      add(byOwnFrame, here ?? `(no server frame; entered from ${top || 'native'})`, n.selfSize);
    }
    for (const c of n.children) walk(c, here, top);
  };
  walk(root, null, '');
  return { totalBytes, byArea, byOwnFrame };
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/report/heapProfile.ts <file.heapprofile> [--top N]');
  const top = process.argv.includes('--top') ? Number(process.argv[process.argv.indexOf('--top') + 1]) : 20;
  const { head } = JSON.parse(fs.readFileSync(file, 'utf8')) as { head: HeapNode };
  const s = summarizeHeap(head);
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((100 * v) / s.totalBytes).toFixed(1).padStart(5)} %  ${(v / 2 ** 20).toFixed(2).padStart(6)} MB  ${k}`)
      .join('\n');
  console.log(`${(s.totalBytes / 2 ** 20).toFixed(1)} MB sampled that outlived a scavenge\n\n## by area of the allocating frame\n${rows(s.byArea)}\n\n## by our innermost server frame on the stack\n${rows(s.byOwnFrame)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
