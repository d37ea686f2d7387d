/** One point of `GET /api/v1/timeline`: where the scenario clock stood at a seq of the log. */
export interface TimelinePoint {
  seq: number;
  serverTime: number;
  scenarioTime: number;
}

/** The event log as a slider sees it: points in seq order, the last one the newest seq. */
export interface Timeline {
  points: readonly TimelinePoint[];
}

type Key = 'seq' | 'serverTime' | 'scenarioTime';

/**
 * Linear interpolation of `to` at `x` on the `from` axis; clamped to the ends. Points are sparse
 * (a few hundred over the whole log), so in between is a straight line: close enough for a slider.
 */
function lookup(points: readonly TimelinePoint[], from: Key, to: Key, x: number): number | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  if (x <= first[from]) return first[to];
  if (x >= last[from]) return last[to];
  let lo = 0;
  let hi = points.length - 1;
  // Last point with p[from] <= x (axes are non-decreasing in seq).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as TimelinePoint)[from] <= x) lo = mid;
    else hi = mid;
  }
  const a = points[lo] as TimelinePoint;
  const b = points[hi] as TimelinePoint;
  const span = b[from] - a[from];
  if (span <= 0) return a[to];
  return a[to] + ((x - a[from]) / span) * (b[to] - a[to]);
}

export function firstSeq(t: Timeline): number {
  return t.points[0]?.seq ?? 0;
}

export function lastSeq(t: Timeline): number {
  return t.points[t.points.length - 1]?.seq ?? 0;
}

/** Scenario time at a seq (what the slider label shows). */
export function scenarioTimeAt(t: Timeline, seq: number): number | null {
  return lookup(t.points, 'seq', 'scenarioTime', seq);
}

/** Server time at a seq: the axis replay advances on, so 1× replays at the pace it was recorded. */
export function serverTimeAt(t: Timeline, seq: number): number | null {
  return lookup(t.points, 'seq', 'serverTime', seq);
}

/** The seq the log had reached at a server time (whole, never past the end). */
export function seqAtServerTime(t: Timeline, serverTime: number): number {
  return Math.floor(lookup(t.points, 'serverTime', 'seq', serverTime) ?? 0);
}

/** The seq the scenario clock had reached at a scenario time. */
export function seqAtScenarioTime(t: Timeline, scenarioTime: number): number {
  return Math.floor(lookup(t.points, 'scenarioTime', 'seq', scenarioTime) ?? 0);
}

/** Server time at a scenario time: to turn a range the user picks in scenario time into `/events?from&to`. */
export function serverTimeAtScenario(t: Timeline, scenarioTime: number): number | null {
  return lookup(t.points, 'scenarioTime', 'serverTime', scenarioTime);
}

/**
 * The fetched timeline, extended by the live picture's newer seq: the log grows every second and the
 * slider's right end must be "now" without refetching the timeline that often.
 */
export function withLiveEnd(t: Timeline, live: TimelinePoint | null): Timeline {
  const last = t.points[t.points.length - 1];
  if (!live || (last && live.seq <= last.seq)) return t;
  if (last && live.serverTime < last.serverTime) return t;
  return { points: [...t.points, live] };
}

/** Scenario time at a server time: events carry server/device time, charts are labelled in scenario time. */
export function scenarioTimeAtServer(t: Timeline, serverTime: number): number | null {
  return lookup(t.points, 'serverTime', 'scenarioTime', serverTime);
}
