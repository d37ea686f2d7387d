import { lastSeq, firstSeq, scenarioTimeAt, seqAtScenarioTime, seqAtServerTime, serverTimeAt, type Timeline } from './timeline.js';

/** Replay speeds, as multiples of the pace the log was recorded at (1× = as it happened). */
export const REPLAY_SPEEDS = [1, 5, 15, 60] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** Scenario time one press of "step" moves. */
export const STEP_MS = 3_600_000;

/** Live, or a past moment of the log (`at`: server time of the cursor, so slow replays still move). */
export type ReplayState =
  | { mode: 'live'; speed: ReplaySpeed }
  | { mode: 'replay'; seq: number; at: number; playing: boolean; speed: ReplaySpeed };

export type ReplayAction =
  | { type: 'seek'; seq: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; direction: 1 | -1 }
  | { type: 'speed'; speed: ReplaySpeed }
  | { type: 'tick'; elapsedMs: number }
  | { type: 'live' };

export const LIVE: ReplayState = { mode: 'live', speed: 1 };

/** Cursor at `seq`, clamped to the log; at or past the end is live again. */
function at(t: Timeline, state: ReplayState, seq: number, playing: boolean): ReplayState {
  const end = lastSeq(t);
  if (end === 0 || seq >= end) return { mode: 'live', speed: state.speed };
  const s = Math.max(firstSeq(t), Math.round(seq));
  return { mode: 'replay', seq: s, at: serverTimeAt(t, s) ?? 0, playing, speed: state.speed };
}

/** The replay controller: pure, so play/step/seek are tested without timers or a server. */
export function applyReplay(state: ReplayState, action: ReplayAction, t: Timeline): ReplayState {
  switch (action.type) {
    case 'seek':
      return at(t, state, action.seq, state.mode === 'replay' && state.playing);
    case 'live':
      return { mode: 'live', speed: state.speed };
    case 'speed':
      return { ...state, speed: action.speed };
    case 'play':
      // Play from live starts a replay of the last hour rather than doing nothing.
      if (state.mode === 'live') return at(t, state, stepFrom(t, lastSeq(t), -1), true);
      return { ...state, playing: true };
    case 'pause':
      return state.mode === 'replay' ? { ...state, playing: false } : state;
    case 'step': {
      const from = state.mode === 'replay' ? state.seq : lastSeq(t);
      return at(t, state, stepFrom(t, from, action.direction), false);
    }
    case 'tick':
      return tick(state, action.elapsedMs, t);
  }
}

function tick(state: ReplayState, elapsedMs: number, t: Timeline): ReplayState {
  if (state.mode !== 'replay' || !state.playing) return state;
  const next = state.at + elapsedMs * state.speed;
  const seq = Math.max(state.seq, seqAtServerTime(t, next));
  if (seq >= lastSeq(t)) return { mode: 'live', speed: state.speed };
  return { ...state, seq, at: next };
}

/** One step of scenario time from `seq`, never standing still (some steps fall between two clock ticks). */
function stepFrom(t: Timeline, seq: number, direction: 1 | -1): number {
  const now = scenarioTimeAt(t, seq);
  if (now === null) return seq;
  const target = seqAtScenarioTime(t, now + direction * STEP_MS);
  if (direction < 0) return Math.min(target, seq - 1);
  return Math.max(target, seq + 1);
}

/** Seq the picture should show: null when live. */
export function replaySeq(state: ReplayState): number | null {
  return state.mode === 'replay' ? state.seq : null;
}
