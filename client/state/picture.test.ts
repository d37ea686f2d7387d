import { describe, expect, test } from 'vitest';
import { applyDelta, applySnapshot, deltaFit, TRAIL_LENGTH } from './picture.js';
import { createCell, createCheckpoint, createCounts, createDay, createDelta, createSnapshot, createTeam, T0 } from './fixtures.js';

describe('applySnapshot', () => {
  test('replaces the picture and starts each trail at the team position', () => {
    const s = applySnapshot(createSnapshot(7, { cells: [createCell('c1')], teams: [createTeam('t1', { position: [114.2, 30.5] })] }));
    expect(s.seq).toBe(7);
    expect(Object.keys(s.cells)).toEqual(['c1']);
    expect(s.trails).toEqual({ t1: [[114.2, 30.5]] });
  });

  test('gives a team without a fix no trail', () => {
    const s = applySnapshot(createSnapshot(1, { teams: [createTeam('t1', { position: null, reportedAt: null })] }));
    expect(s.trails).toEqual({});
  });
});

describe('applyDelta', () => {
  test('folds changed entities in and advances seq, clock and serverTime', () => {
    const s0 = applySnapshot(createSnapshot(3, { cells: [createCell('c1'), createCell('c2')] }));
    const counts = createCounts({ confirmed: 5, active: 5 });
    const delta = createDelta(3, 9, { cells: [createCell('c2', { counts, risk: 'high' })], clock: { scenarioTime: T0 + 60_000, speed: 1440 } });
    const s1 = applyDelta(s0, delta);
    expect(s1.seq).toBe(9);
    expect(s1.serverTime).toBe(delta.serverTime);
    expect(s1.clock?.scenarioTime).toBe(T0 + 60_000);
    expect(s1.cells.c2?.risk).toBe('high');
    expect(s1.cells.c1).toBe(s0.cells.c1);
  });

  test('keeps the identity of every kind the delta does not touch', () => {
    const s0 = applySnapshot(createSnapshot(1, { cells: [createCell('c1')], checkpoints: [createCheckpoint('k1')], teams: [createTeam('t1')] }));
    const s1 = applyDelta(s0, createDelta(1, 2, { teams: [createTeam('t1', { position: [114.4, 30.6], reportedAt: T0 + 1000 })] }));
    expect(s1.teams).not.toBe(s0.teams);
    expect(s1.trails).not.toBe(s0.trails);
    expect(s1.cells).toBe(s0.cells);
    expect(s1.checkpoints).toBe(s0.checkpoints);
    expect(s1.tasks).toBe(s0.tasks);
    expect(s1.incidents).toBe(s0.incidents);
    expect(s1.days).toBe(s0.days);
  });

  test('treats empty arrays as no change', () => {
    const s0 = applySnapshot(createSnapshot(1, { cells: [createCell('c1')], teams: [createTeam('t1')] }));
    const s1 = applyDelta(s0, createDelta(1, 2, { cells: [], teams: [] }));
    expect(s1.cells).toBe(s0.cells);
    expect(s1.teams).toBe(s0.teams);
    expect(s1.trails).toBe(s0.trails);
  });

  test('merges day totals by date', () => {
    const s0 = applySnapshot(createSnapshot(1, { days: [createDay('2020-03-11', 100)] }));
    const s1 = applyDelta(s0, createDelta(1, 2, { days: [createDay('2020-03-11', 120), createDay('2020-03-12', 130)] }));
    expect(Object.values(s1.days).map((d) => d.confirmed)).toEqual([120, 130]);
  });

  test('appends newer fixes to the trail', () => {
    let s = applySnapshot(createSnapshot(1, { teams: [createTeam('t1', { position: [114.0, 30.0] })] }));
    s = applyDelta(s, createDelta(1, 2, { teams: [createTeam('t1', { position: [114.1, 30.1], reportedAt: T0 + 1000 })] }));
    expect(s.trails.t1).toEqual([[114.0, 30.0], [114.1, 30.1]]);
  });

  test(`keeps only the last ${TRAIL_LENGTH} positions of a trail`, () => {
    let s = applySnapshot(createSnapshot(0, { teams: [createTeam('t1', { position: [114.0, 30.0] })] }));
    for (let i = 1; i <= TRAIL_LENGTH + 5; i++) {
      s = applyDelta(s, createDelta(i - 1, i, { teams: [createTeam('t1', { position: [114 + i / 100, 30], reportedAt: T0 + i * 1000 })] }));
    }
    expect(s.trails.t1).toHaveLength(TRAIL_LENGTH);
    expect(s.trails.t1?.at(-1)).toEqual([114.15, 30]);
  });

  test('keeps the newer fix when reports arrive out of order', () => {
    let s = applySnapshot(createSnapshot(1, { teams: [createTeam('t1', { position: [114.2, 30.2], reportedAt: T0 + 5000 })] }));
    s = applyDelta(s, createDelta(1, 2, { teams: [createTeam('t1', { position: [114.1, 30.1], reportedAt: T0 + 1000, status: 'working' })] }));
    expect(s.teams.t1?.position).toEqual([114.2, 30.2]);
    expect(s.teams.t1?.reportedAt).toBe(T0 + 5000);
    expect(s.teams.t1?.status).toBe('working');
    expect(s.trails.t1).toEqual([[114.2, 30.2]]);
  });

  test('takes a status change without a new fix and leaves the trail alone', () => {
    const s0 = applySnapshot(createSnapshot(1, { teams: [createTeam('t1')] }));
    const s1 = applyDelta(s0, createDelta(1, 2, { teams: [createTeam('t1', { status: 'off_duty' })] }));
    expect(s1.teams.t1?.status).toBe('off_duty');
    expect(s1.trails).toBe(s0.trails);
  });

  test('does not change the state it is given', () => {
    const s0 = applySnapshot(createSnapshot(1, { cells: [createCell('c1')], teams: [createTeam('t1', { position: [114.0, 30.0] })] }));
    const before = structuredClone(s0);
    const s1 = applyDelta(s0, createDelta(1, 2, { cells: [createCell('c1', { risk: 'high' }), createCell('c2')], teams: [createTeam('t1', { position: [114.1, 30.1], reportedAt: T0 + 1000 })] }));
    expect(s0).toEqual(before);
    expect(Object.keys(s0.cells)).toEqual(['c1']);
    expect(s1.cells.c1?.risk).toBe('high');
  });

  test('keeps entities that earlier deltas added, in the order they arrived', () => {
    let s = applySnapshot(createSnapshot(1, { cells: [createCell('c1'), createCell('c2')] }));
    s = applyDelta(s, createDelta(1, 2, { cells: [createCell('c3')] }));
    s = applyDelta(s, createDelta(2, 3, { cells: [createCell('c1', { risk: 'high' }), createCell('c4')] }));
    s = applyDelta(s, createDelta(3, 4, { cells: [createCell('c2', { risk: 'medium' })] }));
    expect(Object.keys(s.cells)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(Object.values(s.cells).map((c) => c.risk)).toEqual(['high', 'medium', 'low', 'low']);
  });

  test('is not fooled by a snapshot message changed after it was applied', () => {
    const snapshot = createSnapshot(1, { cells: [createCell('c1')] });
    const s0 = applySnapshot(snapshot);
    snapshot.state.cells.stray = createCell('stray');
    const s1 = applyDelta(s0, createDelta(1, 2, { cells: [createCell('c2')] }));
    expect(Object.keys(s0.cells)).toEqual(['c1']);
    expect(Object.keys(s1.cells)).toEqual(['c1', 'c2']);
  });

  test('starts a trail for a team first seen in a delta', () => {
    const s0 = applySnapshot(createSnapshot(1));
    const s1 = applyDelta(s0, createDelta(1, 2, { teams: [createTeam('t9', { position: [114.5, 30.5] })] }));
    expect(s1.trails.t9).toEqual([[114.5, 30.5]]);
  });
});

describe('deltaFit', () => {
  test('accepts the delta that starts at our seq', () => {
    expect(deltaFit(5, createDelta(5, 8))).toBe('next');
  });

  test('reports a gap when the delta starts after our seq', () => {
    expect(deltaFit(5, createDelta(6, 8))).toBe('gap');
  });

  test('ignores a delta we already hold', () => {
    expect(deltaFit(8, createDelta(5, 8))).toBe('stale');
  });

  test('accepts a delta overlapping our seq, since it carries whole latest entities', () => {
    expect(deltaFit(6, createDelta(5, 8))).toBe('next');
  });
});
