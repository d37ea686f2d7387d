import { describe, expect, test } from 'vitest';
import { summarizeHeap, type HeapNode } from './heapProfile.js';
import type { CallFrame } from './profile.js';

const OWN = 'file:///x/node_modules/.cache/gridcommand-bench/build/server.mjs';
const frame = (functionName: string, url: string, lineNumber = 0): CallFrame => ({ functionName, url, lineNumber });
const node = (callFrame: CallFrame, selfSize: number, children: HeapNode[] = []): HeapNode => ({ callFrame, selfSize, children });

describe('heap profile summary', () => {
  test('bytes go to the innermost own-server frame above them, and by area to the frame that allocated', () => {
    const tree = node(frame('(root)', ''), 0, [
      node(frame('handle', OWN, 9), 100, [
        node(frame('compression', 'file:///x/node_modules/compression/index.js', 80), 4000),
        node(frame('applyPosition', OWN, 843), 500, [node(frame('push', 'node:internal/streams/writable'), 20)]),
      ]),
      node(frame('onStreamRead', 'node:internal/stream_base_commons', 166), 300),
    ]);
    const s = summarizeHeap(tree);
    expect(s.totalBytes).toBe(4920);
    expect(s.byOwnFrame.get('handle server (bench bundle):10')).toBe(4100);
    expect(s.byOwnFrame.get('applyPosition server (bench bundle):844')).toBe(520);
    expect([...s.byOwnFrame.keys()].find((k) => k.startsWith('(no server frame'))).toContain('onStreamRead');
    expect(s.byArea.get('compression')).toBe(4000);
    expect(s.byArea.get('server (bench bundle)')).toBe(600);
  });
});
