import { describe, expect, test } from 'vitest';
import { emptyState, type PictureState } from '../../shared/protocol.js';
import type { LogEvent } from '../../shared/events.js';
import { createChangeSet } from './changes.js';
import { foldEvent } from './fold.js';
import { cityTotals } from './clock.js';
import { createSeed, seedEvents, T0 } from '../testing/fixtures.js';

function seeded(): { state: PictureState; next: () => number } {
  const state = emptyState();
  const events = seedEvents(createSeed());
  for (const e of events) foldEvent(state, e, createChangeSet());
  let seq = events.length;
  return { state, next: () => ++seq };
}

function ev<T extends LogEvent['type']>(seq: number, type: T, data: LogEvent<T>['data'], serverTime = T0): LogEvent {
  return { seq, type, actor: 'team:t1', reportId: `r${seq}xxxxxx`, deviceTime: null, serverTime, data } as LogEvent;
}

describe('fold', () => {
  test('moves a team to a newer fix and records device and server time', () => {
    const { state, next } = seeded();
    const changes = createChangeSet();
    foldEvent(state, ev(next(), 'position:report', { reportId: 'x', recordedAt: T0 + 1000, teamId: 't1', position: [114.31, 30.57], speedMps: 4 }, T0 + 1500), changes);
    expect(state.teams.t1).toMatchObject({ position: [114.31, 30.57], speedMps: 4, reportedAt: T0 + 1000, receivedAt: T0 + 1500 });
    expect([...changes.ids.teams]).toEqual(['t1']);
  });

  test('keeps the newer fix when reports arrive out of order', () => {
    const { state, next } = seeded();
    foldEvent(state, ev(next(), 'position:report', { reportId: 'x', recordedAt: T0 + 5000, teamId: 't1', position: [114.4, 30.6] }), createChangeSet());
    const changes = createChangeSet();
    foldEvent(state, ev(next(), 'position:report', { reportId: 'y', recordedAt: T0 + 1000, teamId: 't1', position: [114.0, 30.0] }), changes);
    expect(state.teams.t1?.position).toEqual([114.4, 30.6]);
    expect(changes.ids.teams.size).toBe(0);
    expect(state.seq).toBe(10); // 8 seed events + 2 fixes: the stale fix is logged, not dropped
  });

  test('derives active cases and risk from reported counts', () => {
    const { state, next } = seeded();
    foldEvent(state, ev(next(), 'cell:report', { reportId: 'x', recordedAt: T0, cellId: 'c1', counts: { confirmed: 9, cured: 3, deaths: 1 } }), createChangeSet());
    expect(state.cells.c1?.counts).toMatchObject({ confirmed: 9, cured: 3, deaths: 1, active: 5 });
    expect(state.cells.c1?.risk).toBe('high');
    foldEvent(state, ev(next(), 'cell:report', { reportId: 'y', recordedAt: T0, cellId: 'c1', counts: { cured: 8 } }), createChangeSet());
    expect(state.cells.c1?.counts.active).toBe(0);
    expect(state.cells.c1?.risk).toBe('low');
  });

  test('adds checkpoint tallies and counts incidents reported at a checkpoint', () => {
    const { state, next } = seeded();
    const tally = { reportId: 'x', recordedAt: T0, checkpointId: 'k1', inboundPersons: 3, outboundPersons: 0, inboundVehicles: 2, outboundVehicles: 0, passesChecked: 4, refused: 1 };
    foldEvent(state, ev(next(), 'checkpoint:tally', tally), createChangeSet());
    foldEvent(state, ev(next(), 'checkpoint:tally', { ...tally, reportId: 'y' }), createChangeSet());
    foldEvent(state, ev(next(), 'incident:create', { reportId: 'z', recordedAt: T0, incidentId: 'i1', kind: 'forced_passage', severity: 'high', position: [114.29, 30.55], note: '冲岗', checkpointId: 'k1' }), createChangeSet());
    expect(state.checkpoints.k1?.today).toMatchObject({ inboundPersons: 6, inboundVehicles: 4, passesChecked: 8, refused: 2, incidents: 1 });
    expect(state.incidents.i1).toMatchObject({ status: 'open', checkpointId: 'k1', note: '冲岗' });
  });

  test('starts the day tallies again when the scenario day changes, and records the day totals', () => {
    const { state, next } = seeded();
    const day1 = Date.parse('2020-02-10T12:00:00+08:00');
    foldEvent(state, ev(next(), 'clock:set', { reportId: 'a', recordedAt: T0, scenarioTime: day1, speed: 1440 }), createChangeSet());
    foldEvent(state, ev(next(), 'checkpoint:tally', { reportId: 'b', recordedAt: T0, checkpointId: 'k1', inboundPersons: 5, outboundPersons: 0, inboundVehicles: 0, outboundVehicles: 0, passesChecked: 0, refused: 0 }), createChangeSet());
    foldEvent(state, ev(next(), 'cell:report', { reportId: 'c', recordedAt: T0, cellId: 'c2', counts: { confirmed: 4 } }), createChangeSet());
    const changes = createChangeSet();
    foldEvent(state, ev(next(), 'clock:set', { reportId: 'd', recordedAt: T0, scenarioTime: day1 + 13 * 3600_000, speed: 1440 }), changes);
    expect(state.checkpoints.k1?.today.inboundPersons).toBe(0);
    expect(changes.ids.checkpoints.has('k1')).toBe(true);
    expect(state.days['2020-02-11']).toMatchObject({ confirmed: 4, active: 4 });
    expect(state.days['2020-02-10']).toMatchObject({ confirmed: 4 }); // reported during 10 Feb
  });

  test('assigning a task sets the team task, finishing it frees the team', () => {
    const { state, next } = seeded();
    foldEvent(state, ev(next(), 'task:setStatus', { reportId: 'a', recordedAt: T0, taskId: 'task1', status: 'assigned', teamId: 't1' }), createChangeSet());
    expect(state.teams.t1?.taskId).toBe('task1');
    foldEvent(state, ev(next(), 'task:setStatus', { reportId: 'b', recordedAt: T0 + 60_000, taskId: 'task1', status: 'done' }), createChangeSet());
    expect(state.tasks.task1).toMatchObject({ status: 'done', completedAt: T0 + 60_000, teamId: 't1' });
    expect(state.teams.t1?.taskId).toBeNull();
  });

  test('gives the same state for the same events, whatever state objects were handed out before', () => {
    const a = seeded();
    const b = seeded();
    const before = a.state.teams.t1;
    for (const s of [a, b]) foldEvent(s.state, ev(s.next(), 'position:report', { reportId: 'x', recordedAt: T0 + 1, teamId: 't1', position: [114.5, 30.5] }), createChangeSet());
    expect(a.state).toEqual(b.state);
    expect(before?.position).toEqual([114.3, 30.56]);
  });

  test('a team acknowledges its task, completes it with a record, and delivers supplies', () => {
    const { state, next } = seeded();
    foldEvent(state, ev(next(), 'task:setStatus', { reportId: 'a', recordedAt: T0, taskId: 'task1', status: 'assigned', teamId: 't1' }), createChangeSet());
    foldEvent(state, ev(next(), 'task:acknowledge', { reportId: 'b', recordedAt: T0 + 5, taskId: 'task1', teamId: 't1' }), createChangeSet());
    expect(state.tasks.task1?.acknowledgedAt).toBe(T0 + 5);
    foldEvent(state, ev(next(), 'task:complete', { reportId: 'c', recordedAt: T0 + 9, taskId: 'task1', teamId: 't1', areaM2: 800, agent: '84消毒液', notes: '' }), createChangeSet());
    expect(state.tasks.task1).toMatchObject({ status: 'done', completedAt: T0 + 9, completion: { areaM2: 800, agent: '84消毒液' } });
    expect(state.teams.t1?.taskId).toBeNull();
    foldEvent(state, ev(next(), 'supply:deliver', { reportId: 'd', recordedAt: T0, teamId: 't2', households: 12, items: '蔬菜包', note: '' }), createChangeSet());
    foldEvent(state, ev(next(), 'supply:deliver', { reportId: 'e', recordedAt: T0, teamId: 't2', households: 3, items: '药品', note: '' }), createChangeSet());
    expect(state.teams.t2?.deliveriesToday).toBe(2);
  });

  test("today's point of the case curve follows cell reports between clock ticks", () => {
    const { state, next } = seeded();
    const noon = Date.parse('2020-02-10T12:00:00+08:00');
    foldEvent(state, ev(next(), 'clock:set', { reportId: 'a', recordedAt: T0, scenarioTime: noon, speed: 1440 }), createChangeSet());
    const changes = createChangeSet();
    foldEvent(state, ev(next(), 'cell:report', { reportId: 'b', recordedAt: T0, cellId: 'c1', counts: { confirmed: 7, cured: 2 } }), changes);
    foldEvent(state, ev(next(), 'cell:report', { reportId: 'c', recordedAt: T0, cellId: 'c2', counts: { confirmed: 3 } }), changes);
    expect(state.days['2020-02-10']).toEqual({ date: '2020-02-10', confirmed: 10, active: 8, cured: 2, deaths: 0 });
    foldEvent(state, ev(next(), 'clock:set', { reportId: 'd', recordedAt: T0, scenarioTime: noon + 86_400_000, speed: 1440 }), createChangeSet());
    foldEvent(state, ev(next(), 'cell:report', { reportId: 'e', recordedAt: T0, cellId: 'c3', counts: { confirmed: 1, deaths: 1 } }), createChangeSet());
    expect(state.days['2020-02-11']).toEqual({ ...cityTotals(state, '2020-02-11') });
    expect(state.days['2020-02-11']).toMatchObject({ confirmed: 11, deaths: 1 });
    expect(state.days['2020-02-10']).toMatchObject({ confirmed: 10 });
    expect([...changes.days]).toEqual(['2020-02-10']);
  });
});
