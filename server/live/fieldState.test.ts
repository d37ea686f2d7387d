import { describe, expect, test } from 'vitest';
import { emptyState, type PictureState } from '../../shared/protocol.js';
import { distanceM, type LngLat } from '../../shared/geo.js';
import type { Checkpoint } from '../../shared/entities.js';
import { createCheckpoint, createTask, createTeam } from '../testing/fixtures.js';
import { fieldStateFor, nearbyCheckpoints, nearbyWithSlack } from './fieldState.js';

/** A deterministic scatter of checkpoints around Wuhan (no Math.random: failures must replay). */
function stateWith(n: number, seed = 7): PictureState {
  const state = emptyState();
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i++) {
    const c = createCheckpoint({ id: `k${i}`, position: [114.1 + next() * 0.4, 30.4 + next() * 0.3], districtCode: i % 3 ? '420106' : '420102' });
    state.checkpoints[c.id] = c;
  }
  return state;
}

/** What nearbyCheckpoints returned before it was made one-pass: map every checkpoint, sort, slice. */
function bySorting(state: PictureState, at: LngLat, limit: number) {
  return Object.values(state.checkpoints)
    .map((c: Checkpoint) => ({ id: c.id, name: c.name, status: c.status, distanceM: Math.round(distanceM(at, c.position)) }))
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, limit);
}

describe('nearbyCheckpoints', () => {
  test('picks the same checkpoints, closest first, as sorting all of them', () => {
    const state = stateWith(200);
    for (const at of [[114.3, 30.55], [114.12, 30.41], [114.5, 30.7], [113.9, 30.2]] as LngLat[]) {
      const team = createTeam({ position: at });
      expect(nearbyCheckpoints(state, team).map((c) => c.distanceM)).toEqual(bySorting(state, at, 12).map((c) => c.distanceM));
      expect(nearbyCheckpoints(state, team, 3)).toEqual(bySorting(state, at, 3));
    }
  });

  test('returns every checkpoint when there are fewer than the limit', () => {
    const state = stateWith(5);
    const nearby = nearbyCheckpoints(state, createTeam({ position: [114.3, 30.5] }));
    expect(nearby).toHaveLength(5);
    expect(nearby).toEqual(bySorting(state, [114.3, 30.5], 12));
  });

  test('keeps the table order between checkpoints at the same spot', () => {
    const state = emptyState();
    for (const id of ['a', 'b', 'c']) state.checkpoints[id] = createCheckpoint({ id, position: [114.3, 30.5] });
    state.checkpoints.far = createCheckpoint({ id: 'far', position: [114.4, 30.5] });
    const nearby = nearbyCheckpoints(state, createTeam({ position: [114.31, 30.5] }), 2);
    expect(nearby.map((c) => c.id)).toEqual(['a', 'b']);
  });

  test('tells how far the team can move before the nearby set can change', () => {
    const state = emptyState();
    for (let i = 0; i < 5; i++) state.checkpoints[`k${i}`] = createCheckpoint({ id: `k${i}`, position: [114.3 + i * 0.01, 30.5] });
    const team = createTeam({ position: [114.3, 30.5] });
    const gap = distanceM([114.3, 30.5], [114.34, 30.5]) - distanceM([114.3, 30.5], [114.33, 30.5]);
    expect(nearbyWithSlack(state, team, 4).slackM).toBeCloseTo(gap / 2, 6);
    expect(nearbyWithSlack(state, team, 5).slackM).toBe(Infinity);
    expect(nearbyWithSlack(state, createTeam({ position: null }), 4).slackM).toBe(0);
  });

  test('before its first fix a team gets checkpoints of its district, without distances', () => {
    const state = stateWith(40);
    const nearby = nearbyCheckpoints(state, createTeam({ position: null, districtCode: '420102' }), 5);
    expect(nearby).toHaveLength(5);
    expect(nearby.every((c) => c.distanceM === null && state.checkpoints[c.id]?.districtCode === '420102')).toBe(true);
  });
});

describe('fieldStateFor', () => {
  test('lists the team’s tasks newest first, without cancelled ones or other teams’ tasks', () => {
    const state = stateWith(3);
    state.teams.t1 = createTeam();
    state.tasks.a = createTask({ id: 'a', teamId: 't1', status: 'assigned', updatedAt: 1 });
    state.tasks.b = createTask({ id: 'b', teamId: 't1', status: 'in_progress', updatedAt: 3 });
    state.tasks.c = createTask({ id: 'c', teamId: 't1', status: 'cancelled', updatedAt: 4 });
    state.tasks.d = createTask({ id: 'd', teamId: 't2', status: 'assigned', updatedAt: 5 });
    expect(fieldStateFor(state, 't1', 10)?.tasks.map((t) => t.id)).toEqual(['b', 'a']);
    expect(fieldStateFor(state, 'ghost', 10)).toBeNull();
  });
});
