import { expect, test } from 'vitest';
import { applyReplay, LIVE, replaySeq, type ReplayAction, type ReplayState } from './replay.js';
import type { Timeline } from './timeline.js';

const H = 3_600_000;
/** 1,000 seqs over 10 s of server time and 10 scenario hours: one seq per 10 ms, 100 seqs per hour. */
function createTimeline(): Timeline {
  return {
    points: [
      { seq: 1, serverTime: 0, scenarioTime: 0 },
      { seq: 1001, serverTime: 10_000, scenarioTime: 10 * H },
    ],
  };
}
const run = (state: ReplayState, ...actions: ReplayAction[]) => actions.reduce((s, a) => applyReplay(s, a, createTimeline()), state);

test('seeking into the past leaves live, paused', () => {
  expect(run(LIVE, { type: 'seek', seq: 300 })).toEqual({ mode: 'replay', seq: 300, at: 2_990, playing: false, speed: 1 });
});

test('seeking to the end of the log is live again', () => {
  expect(run(LIVE, { type: 'seek', seq: 300 }, { type: 'seek', seq: 1001 })).toEqual(LIVE);
});

test('playing advances with elapsed time times the speed', () => {
  const s = run(LIVE, { type: 'seek', seq: 101 }, { type: 'speed', speed: 5 }, { type: 'play' }, { type: 'tick', elapsedMs: 200 });
  expect(replaySeq(s)).toBe(201);
});

test('a paused replay ignores ticks', () => {
  const s = run(LIVE, { type: 'seek', seq: 101 }, { type: 'tick', elapsedMs: 5_000 });
  expect(replaySeq(s)).toBe(101);
});

test('slow ticks accumulate until they reach the next seq', () => {
  const s = run(LIVE, { type: 'seek', seq: 101 }, { type: 'play' }, { type: 'tick', elapsedMs: 4 }, { type: 'tick', elapsedMs: 4 }, { type: 'tick', elapsedMs: 4 });
  expect(replaySeq(s)).toBe(102);
});

test('playing past the end returns to live', () => {
  expect(run(LIVE, { type: 'seek', seq: 900 }, { type: 'speed', speed: 60 }, { type: 'play' }, { type: 'tick', elapsedMs: 1_000 }).mode).toBe('live');
});

test('steps one scenario hour and pauses', () => {
  const s = run(LIVE, { type: 'seek', seq: 501 }, { type: 'play' }, { type: 'step', direction: -1 });
  expect(s).toMatchObject({ mode: 'replay', seq: 401, playing: false });
  expect(replaySeq(run(s, { type: 'step', direction: 1 }))).toBe(501);
});

test('play while live replays the last hour', () => {
  expect(run(LIVE, { type: 'play' })).toMatchObject({ mode: 'replay', seq: 901, playing: true });
});

test('back to live keeps the chosen speed', () => {
  expect(run(LIVE, { type: 'speed', speed: 15 }, { type: 'seek', seq: 10 }, { type: 'live' })).toEqual({ mode: 'live', speed: 15 });
});
