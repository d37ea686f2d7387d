import { describe, expect, test } from 'vitest';
import { LiveReaders } from './readers.js';

/** A broadcast every 50 ms from seq 10, one seq each, starting at t = 0. */
function broadcasting(readers: LiveReaders<string>, fromSeq: number, toSeq: number, t0: number) {
  for (let s = fromSeq + 1; s <= toSeq; s++) readers.broadcast(s, t0 + (s - fromSeq) * 50);
}

describe('LiveReaders', () => {
  test('a screen that keeps confirming is never dropped', () => {
    const r = new LiveReaders<string>(10, { stallMs: 1000 });
    r.served('a', 'A', 10);
    broadcasting(r, 10, 70, 0); // seq 70 at t = 3000
    expect(r.ack('a', 68)).toEqual({ kind: 'ok' });
    expect(r.dropStalled(3000)).toEqual([]);
  });

  test('a screen whose receipts lag past stallMs is dropped once, then resumes when it has read what it was sent', () => {
    const r = new LiveReaders<string>(10, { stallMs: 1000 });
    r.served('a', 'A', 10);
    r.served('b', 'B', 10);
    expect(r.ack('a', 10)).toEqual({ kind: 'ok' });
    expect(r.ack('b', 10)).toEqual({ kind: 'ok' });
    broadcasting(r, 10, 40, 0); // seq 11 sent at t = 50, seq 40 at t = 1500
    r.ack('b', 40);
    // a has confirmed nothing past 10: the delta after it went out at t = 50.
    expect(r.dropStalled(1000)).toEqual([]);
    const dropped = r.dropStalled(1100);
    expect(dropped.map((d) => d.item)).toEqual(['A']);
    expect(dropped[0]!.droppedAt).toBe(40);
    expect(r.dropStalled(5000)).toEqual([]); // not twice
    // Broadcasts go on without it; its receipts of the backlog are accepted but do not resume it…
    broadcasting(r, 40, 60, 1500);
    r.ack('b', 60);
    expect(r.ack('a', 30)).toEqual({ kind: 'ok' });
    // …it cannot confirm what it was never sent…
    expect(r.ack('a', 41)).toEqual({ kind: 'ahead', sentSeq: 40 });
    // …and having read all of it, it is served again.
    const back = r.ack('a', 40);
    expect(back.kind).toBe('resume');
    expect(back.kind === 'resume' && back.reader.item).toBe('A');
    // Until it is served, it is neither dropped again nor resumed twice.
    expect(r.dropStalled(9000)).toEqual([]);
    expect(r.ack('a', 40)).toEqual({ kind: 'ok' });
    r.served('a', 'A', 60);
    expect(r.ack('a', 60)).toEqual({ kind: 'ok' });
    expect(r.dropStalled(9000)).toEqual([]);
  });

  test('a screen that never sent a receipt is never dropped; unknown screens are told so', () => {
    const r = new LiveReaders<string>(0, { stallMs: 100 });
    r.served('old-client', 'X', 0);
    broadcasting(r, 0, 100, 0);
    expect(r.dropStalled(60_000)).toEqual([]);
    expect(r.ack('nobody', 1)).toEqual({ kind: 'unknown' });
    r.remove('old-client');
    expect(r.ack('old-client', 1)).toEqual({ kind: 'unknown' });
  });

  test('a screen served a snapshot past the last broadcast may confirm that seq', () => {
    const r = new LiveReaders<string>(5, { stallMs: 100 });
    r.served('a', 'A', 9); // the seq moved without a visible change, so nothing was broadcast
    expect(r.ack('a', 9)).toEqual({ kind: 'ok' });
    expect(r.ack('a', 10)).toEqual({ kind: 'ahead', sentSeq: 9 });
  });

  test('lags older than the kept broadcast times count as that old', () => {
    const r = new LiveReaders<string>(0, { stallMs: 1000, keepMs: 2000 });
    r.served('a', 'A', 0);
    r.ack('a', 0);
    broadcasting(r, 0, 200, 0); // 10 s of broadcasts, only the last ~2–3 s kept
    expect(r.dropStalled(10_000).map((d) => d.item)).toEqual(['A']);
  });
});
