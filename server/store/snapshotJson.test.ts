import { describe, expect, test } from 'vitest';
import { emptyState } from '../../shared/protocol.js';
import { createCell, createCheckpoint, createTask, createTeam } from '../testing/fixtures.js';
import { stringifyInSlices } from './snapshotJson.js';

function picture() {
  const state = { ...emptyState(), seq: 42, clock: { scenarioTime: 1_580_000_000_000, speed: 1440 } };
  for (let i = 0; i < 1234; i++) state.cells[`c${i}`] = createCell({ id: `c${i}`, population: i });
  state.checkpoints.k1 = createCheckpoint();
  state.teams.t1 = createTeam({ position: null });
  state.tasks.task1 = createTask();
  state.days['2020-02-10'] = { date: '2020-02-10', confirmed: 1, active: 1, cured: 0, deaths: 0 };
  return state;
}

describe('stringifyInSlices', () => {
  test('writes the same text as JSON.stringify', async () => {
    const state = picture();
    expect(await stringifyInSlices(state, 100)).toBe(JSON.stringify(state));
    expect(await stringifyInSlices(emptyState())).toBe(JSON.stringify(emptyState()));
  });

  test('lets the event loop run between slices', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await stringifyInSlices(picture(), 50);
    // Without a turn of the loop in between, the await above would have resumed first.
    expect(ran).toBe(true);
  });

  test('writes the state of the moment it was called, whatever the fold does meanwhile', async () => {
    const state = picture();
    const expected = JSON.stringify(state);
    const text = stringifyInSlices(state, 100);
    // What the fold does: replace entities, add new ones, move on.
    state.cells.c7 = createCell({ id: 'c7', risk: 'high' });
    state.cells.added = createCell({ id: 'added' });
    state.seq = 43;
    expect(await text).toBe(expected);
  });
});
