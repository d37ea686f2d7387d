import { expect, test } from 'vitest';
import { scenarioTimeAt, seqAtScenarioTime, seqAtServerTime, serverTimeAt, withLiveEnd, type Timeline } from './timeline.js';

const H = 3_600_000;
/** Seq 100 at 10:00, seq 200 at 12:00, seq 300 at 12:00 (clock paused), scenario one hour per second. */
function createTimeline(): Timeline {
  return {
    points: [
      { seq: 100, serverTime: 1_000, scenarioTime: 10 * H },
      { seq: 200, serverTime: 3_000, scenarioTime: 12 * H },
      { seq: 300, serverTime: 5_000, scenarioTime: 12 * H },
    ],
  };
}

test('interpolates scenario and server time between points', () => {
  const t = createTimeline();
  expect(scenarioTimeAt(t, 150)).toBe(11 * H);
  expect(serverTimeAt(t, 250)).toBe(4_000);
});

test('clamps to the ends of the log', () => {
  const t = createTimeline();
  expect(scenarioTimeAt(t, 1)).toBe(10 * H);
  expect(seqAtServerTime(t, 99_999)).toBe(300);
  expect(seqAtScenarioTime(t, 0)).toBe(100);
});

test('maps server time back to a whole seq', () => {
  expect(seqAtServerTime(createTimeline(), 2_010)).toBe(150);
});

test('answers nothing for an empty log', () => {
  expect(scenarioTimeAt({ points: [] }, 5)).toBeNull();
  expect(seqAtServerTime({ points: [] }, 5)).toBe(0);
});

test('extends the timeline by a newer live point only', () => {
  const t = createTimeline();
  const live = { seq: 400, serverTime: 6_000, scenarioTime: 13 * H };
  expect(withLiveEnd(t, live).points.at(-1)).toEqual(live);
  expect(withLiveEnd(t, { ...live, seq: 250 })).toBe(t);
  expect(withLiveEnd(t, null)).toBe(t);
});
