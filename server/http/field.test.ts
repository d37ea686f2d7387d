import { afterEach, describe, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { position, rid } from '../testing/fixtures.js';
import { startTestServer, type TestClient } from '../testing/liveServer.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

function send(socket: TestClient, name: string, payload: unknown): Promise<Ack> {
  return new Promise((resolve) => (socket.emit as (...a: unknown[]) => void)(name, payload, resolve));
}
const signInWith = (url: string, code: string) =>
  fetch(`${url}/api/field/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });

describe('field teams', () => {
  test('sign in with a team code sets an httpOnly SameSite cookie and answers the team', async () => {
    server = await startTestServer();
    const res = await signInWith(server.url, server.registry.issueTeamCode('t1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^gc_field=[\w-]+;.*HttpOnly.*SameSite=Strict/i);
    expect((await res.json()).team.id).toBe('t1');
  });

  test('a wrong code is refused, and guessing is cut off after ten tries a minute', async () => {
    server = await startTestServer({ rateLimits: { perIp: 1e6, perActor: 1e6, signInPerIp: 10 } });
    const codes = Array.from({ length: 11 }, () => 'ZZZZZ-ZZZZZ');
    const statuses = [];
    for (const code of codes) statuses.push((await signInWith(server.url, code)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await signInWith(server.url, '')).status).toBe(429);
  });

  test('a field socket needs a session and gets its team and tasks, not the whole picture', async () => {
    server = await startTestServer();
    await expect(server.client({ role: 'field' })).rejects.toThrow(/not signed in/);
    const phone = await server.client({ role: 'field' }, await server.signIn('t1'));
    await server.tick();
    expect(phone.received).toEqual([]);
    expect(phone.fieldStates.map((f) => f.team.id)).toEqual(['t1']);
    expect(phone.fieldStates[0]?.tasks).toEqual([]);
    expect(phone.fieldStates[0]?.checkpoints.map((c) => c.id)).toEqual(['k1', 'k2']);
  });

  test('the phone gets the checkpoints nearest its last fix, closest first', async () => {
    server = await startTestServer();
    const cookie = await server.signIn('t1');
    const phone = await server.client({ role: 'field' }, cookie);
    await server.tick();
    const report = await send(phone, 'position:report', position('t1', 114.2901, 30.5501, Date.now()));
    expect(report.ok).toBe(true);
    await server.tick();
    const nearby = phone.fieldStates.at(-1)!.checkpoints;
    expect(nearby[0]).toMatchObject({ id: 'k1', status: 'open' });
    expect(nearby[0]!.distanceM).toBeLessThan(20);
  });

  test('a task assigned to the team reaches its phone live, and the team can acknowledge it', async () => {
    server = await startTestServer();
    const phone = await server.client({ role: 'field' }, await server.signIn('t1'));
    const console_ = await server.client();
    await server.tick();
    const assign = await send(console_, 'task:setStatus', { reportId: rid(), recordedAt: Date.now(), taskId: 'task1', status: 'assigned', teamId: 't1' });
    expect(assign.ok).toBe(true);
    await server.tick();
    expect(phone.fieldStates.at(-1)?.tasks.map((t) => [t.id, t.status])).toEqual([['task1', 'assigned']]);
    const ack = await send(phone, 'task:acknowledge', { reportId: rid(), recordedAt: Date.now(), taskId: 'task1', teamId: 't1' });
    expect(ack.ok).toBe(true);
    await server.tick();
    expect(phone.fieldStates.at(-1)?.tasks[0]?.acknowledgedAt).toBeTypeOf('number');
  });

  test('a team reports only as itself, on the socket and over HTTP', async () => {
    server = await startTestServer();
    const cookie = await server.signIn('t1');
    const phone = await server.client({ role: 'field' }, cookie);
    expect(await send(phone, 'position:report', position('t1', 114.3, 30.6, Date.now()))).toMatchObject({ ok: true });
    expect(await send(phone, 'position:report', position('t2', 114.3, 30.6, Date.now()))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(phone, 'clock:set', { reportId: rid(), recordedAt: Date.now(), scenarioTime: Date.now(), speed: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const http = await fetch(`${server.url}/api/commands/position:report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(position('t2', 114.3, 30.6, Date.now())),
    });
    expect(http.status).toBe(403);
    expect(server.ledger.state.teams.t2?.reportedAt).toBeNull();
    const events = [];
    for await (const e of server.store.readEvents(8)) events.push(e);
    expect(events.map((e) => e.actor)).toEqual(['team:t1']);
  });
});
