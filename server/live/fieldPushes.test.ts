import { afterEach, describe, expect, test } from 'vitest';
import { emptyState, type Ack, type PictureState } from '../../shared/protocol.js';
import type { Team } from '../../shared/entities.js';
import { createCheckpoint, createTask, createTeam, position, rid } from '../testing/fixtures.js';
import { startTestServer, type TestClient } from '../testing/liveServer.js';
import { FieldPushes, type FieldReason } from './fieldPushes.js';

/** Checkpoints k0…k19 in a row eastwards; team t1 at the west end, with a phone. */
function world(): PictureState {
  const state = emptyState();
  for (let i = 0; i < 20; i++) state.checkpoints[`k${i}`] = createCheckpoint({ id: `k${i}`, position: [114.2 + i * 0.01, 30.5] });
  state.teams.t1 = createTeam({ position: [114.2, 30.5] });
  return state;
}
const moveTo = (state: PictureState, lng: number, over: Partial<Team> = {}) => {
  state.teams.t1 = { ...state.teams.t1!, position: [lng, 30.5], reportedAt: Date.now(), updatedAt: Date.now(), ...over };
};
const phone = () => true;
const named = (why: FieldReason) => new Map([['t1', why]]);

describe('FieldPushes', () => {
  test('a fix that only moves the team is held back, then sent once the interval is up', () => {
    const state = world();
    const pushes = new FieldPushes({ fixIntervalMs: 5000, moveM: 100 });
    expect(pushes.joined(state, 't1', 0)?.team.id).toBe('t1');
    moveTo(state, 114.2001);
    expect(pushes.due(state, named('team'), 1000, phone).size).toBe(0);
    moveTo(state, 114.2002);
    expect(pushes.due(state, named('team'), 2000, phone).size).toBe(0);
    // No new report: the held-back fix still goes out when its time is up.
    expect(pushes.due(state, new Map(), 4999, phone).size).toBe(0);
    const sent = pushes.due(state, new Map(), 5000, phone).get('t1');
    expect(sent?.team.position).toEqual([114.2002, 30.5]);
    expect(pushes.due(state, new Map(), 20_000, phone).size).toBe(0);
  });

  test('a change of the team other than its fix is sent at once', () => {
    const state = world();
    const pushes = new FieldPushes({ fixIntervalMs: 5000, moveM: 100 });
    pushes.joined(state, 't1', 0);
    moveTo(state, 114.2001, { status: 'working' });
    expect(pushes.due(state, named('team'), 100, phone).get('t1')?.team.status).toBe('working');
    moveTo(state, 114.2002, { deliveriesToday: 3 });
    expect(pushes.due(state, named('team'), 200, phone).get('t1')?.team.deliveriesToday).toBe(3);
  });

  test('a change of its tasks is sent at once, and a task moved away leaves the earlier team’s phone', () => {
    const state = world();
    state.teams.t2 = createTeam({ id: 't2' });
    state.tasks.task1 = createTask({ teamId: 't1', status: 'assigned' });
    const pushes = new FieldPushes({ fixIntervalMs: 5000, moveM: 100 });
    pushes.joined(state, 't1', 0);
    pushes.joined(state, 't2', 0);
    expect(pushes.teamsShowing('task1')).toEqual(['t1']);
    state.tasks.task1 = { ...state.tasks.task1, teamId: 't2' };
    const due = pushes.due(state, new Map<string, FieldReason>([['t2', 'task'], ...pushes.teamsShowing('task1').map((t) => [t, 'task'] as const)]), 10, phone);
    expect(due.get('t1')?.tasks).toEqual([]);
    expect(due.get('t2')?.tasks.map((t) => t.id)).toEqual(['task1']);
    expect(pushes.teamsShowing('task1')).toEqual(['t2']);
  });

  test('a fix 100 m or more from the last one sent is sent at once', () => {
    const state = world();
    const pushes = new FieldPushes({ fixIntervalMs: 5000, moveM: 100 });
    pushes.joined(state, 't1', 0);
    moveTo(state, 114.2009); // ~86 m east
    expect(pushes.due(state, named('team'), 100, phone).size).toBe(0);
    moveTo(state, 114.2011); // ~105 m from the fix the phone has
    expect(pushes.due(state, named('team'), 200, phone).get('t1')?.checkpoints[0]).toMatchObject({ id: 'k0', distanceM: 105 });
  });

  test('a fix that changes which checkpoints are nearby is sent at once', () => {
    const state = world();
    const pushes = new FieldPushes({ fixIntervalMs: 5000, moveM: 100 });
    pushes.joined(state, 't1', 0);
    moveTo(state, 114.39);
    const sent = pushes.due(state, named('team'), 100, phone).get('t1');
    expect(sent?.checkpoints.map((c) => c.id)).toContain('k19');
  });

  test('a short move that swaps the farthest nearby checkpoint for another is sent at once', () => {
    const state = world();
    // Just past k11 (0.11° east of the team) on the other side: the 13th nearest, ~30 m behind it.
    state.checkpoints.west = createCheckpoint({ id: 'west', position: [114.2 - 0.1103, 30.5] });
    const pushes = new FieldPushes({ fixIntervalMs: 5000, moveM: 100 });
    expect(pushes.joined(state, 't1', 0)?.checkpoints.map((c) => c.id)).not.toContain('west');
    moveTo(state, 114.2 - 0.00005); // ~5 m: within the slack
    expect(pushes.due(state, named('team'), 100, phone).size).toBe(0);
    moveTo(state, 114.2 - 0.0002); // ~19 m west: west is now nearer than k11
    const sent = pushes.due(state, named('team'), 200, phone).get('t1');
    expect(sent?.checkpoints.map((c) => c.id)).toContain('west');
    expect(sent?.checkpoints.map((c) => c.id)).not.toContain('k11');
  });

  test('a checkpoint status alone waits for the next push', () => {
    const state = world();
    const pushes = new FieldPushes({ fixIntervalMs: 5000, moveM: 100 });
    pushes.joined(state, 't1', 0);
    state.checkpoints.k0 = { ...state.checkpoints.k0!, status: 'closed' };
    moveTo(state, 114.2001);
    expect(pushes.due(state, named('team'), 100, phone).size).toBe(0);
    expect(pushes.due(state, new Map(), 5000, phone).get('t1')?.checkpoints[0]).toMatchObject({ id: 'k0', status: 'closed' });
  });

  test('a team without a phone is forgotten: nothing is held for it, and its next phone starts afresh', () => {
    const state = world();
    const pushes = new FieldPushes({ fixIntervalMs: 5000, moveM: 100 });
    pushes.joined(state, 't1', 0);
    moveTo(state, 114.2001);
    expect(pushes.due(state, named('team'), 100, () => false).size).toBe(0);
    expect(pushes.due(state, new Map(), 6000, phone).size).toBe(0);
    expect(pushes.teamsShowing('task1')).toEqual([]);
    expect(pushes.due(state, named('team'), 6100, phone).size).toBe(1);
  });
});

describe('field:state over a live socket', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => server?.stop());
  const send = (socket: TestClient, name: string, payload: unknown) =>
    new Promise<Ack>((resolve) => (socket.emit as (...a: unknown[]) => void)(name, payload, resolve));

  test('a small move is held back while a status change reaches the phone in the next tick', async () => {
    server = await startTestServer();
    const phone = await server.client({ role: 'field' }, await server.signIn('t1'));
    await server.tick();
    expect(phone.fieldStates).toHaveLength(1);
    expect((await send(phone, 'position:report', position('t1', 114.3001, 30.56, Date.now()))).ok).toBe(true);
    await server.tick();
    expect(phone.fieldStates).toHaveLength(1);
    const status = { reportId: rid(), recordedAt: Date.now(), teamId: 't1', status: 'working' };
    expect((await send(phone, 'team:setStatus', status)).ok).toBe(true);
    await server.tick();
    expect(phone.fieldStates.map((f) => [f.team.status, f.team.position])).toEqual([
      ['on_duty', [114.3, 30.56]],
      ['working', [114.3001, 30.56]],
    ]);
  });
});
