import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import pino from 'pino';
import { Me } from '../../shared/auth.js';
import { startTestServer } from '../testing/liveServer.js';
import { prepareFirstAdmin } from '../auth/bootstrap.js';
import { Registry } from '../auth/registry.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
const signIn = (username: string, password: string) => fetch(`${server.url}/api/auth/session`, json({ username, password }));
const waitFor = async (cond: () => boolean, ms = 3000) => {
  for (const end = Date.now() + ms; Date.now() < end && !cond(); ) await new Promise((r) => setTimeout(r, 20));
  return cond();
};

describe('first admin', () => {
  test('a first start prints a one-time setup code; the setup form makes the admin once, never with a default password', async () => {
    server = await startTestServer({ firstRun: true });
    const anon = Me.parse(await (await fetch(`${server.url}/api/auth/me`)).json());
    expect(anon).toMatchObject({ kind: 'anonymous', setupRequired: true, permissions: ['health:read'] });
    expect(server.setupCode).toMatch(/^[\w-]{12}$/);
    for (const password of ['admin', 'password', 'admin123', '123456']) expect((await signIn('admin', password)).status).toBe(401);
    const wrong = await fetch(`${server.url}/api/auth/setup`, json({ setupCode: 'not-the-code', username: 'wang', displayName: '王', password: 'a long enough password' }));
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${server.url}/api/auth/setup`, json({ setupCode: server.setupCode, username: 'wang', displayName: '王', password: 'a long enough password' }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/^gc_session=[\w-]+;.*HttpOnly.*SameSite=Strict/i);
    expect(Me.parse(await ok.json())).toMatchObject({ kind: 'user', role: 'admin', id: 'wang', setupRequired: false });
    const again = await fetch(`${server.url}/api/auth/setup`, json({ setupCode: server.setupCode, username: 'li', displayName: '李', password: 'a long enough password' }));
    expect(again.status).toBe(403);
    expect(server.registry.accounts.list().map((u) => u.username)).toEqual(['wang']);
  });

  test('ADMIN_PASSWORD makes the first admin; without it no account exists until setup', async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'gc-reg-'));
    const silent = pino({ level: 'silent' });
    const withEnv = new Registry(path.join(dir, 'a.sqlite'));
    await prepareFirstAdmin(withEnv, { username: 'chief', password: 'from the environment' }, silent);
    expect(withEnv.accounts.list()).toMatchObject([{ username: 'chief', role: 'admin' }]);
    expect(await withEnv.accounts.verify('chief', 'from the environment')).not.toBeNull();
    await expect(prepareFirstAdmin(new Registry(path.join(dir, 'b.sqlite')), { password: 'short' }, silent)).rejects.toThrow(/at least 10/);
    const without = new Registry(path.join(dir, 'c.sqlite'));
    expect((await prepareFirstAdmin(without, {}, silent)).required()).toBe(true);
    expect(without.accounts.count()).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('people', () => {
  test('sign in sets an httpOnly SameSite cookie; a wrong password is refused and audited; the hash is not the password', async () => {
    server = await startTestServer();
    expect((await signIn('admin', 'wrong password')).status).toBe(401);
    expect((await signIn('nobody', 'wrong password')).status).toBe(401);
    const ok = await signIn('admin', 'test-admin-password');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const cookie = cookieOf(ok);
    expect((await fetch(`${server.url}/api/v1/state`, { headers: { cookie } })).status).toBe(200);
    const out = await fetch(`${server.url}/api/auth/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await fetch(`${server.url}/api/v1/state`, { headers: { cookie } })).status).toBe(401);
    const audit = server.registry.audit.list(10).map((a) => `${a.actor} ${a.action} ${a.ok}`);
    expect(audit).toEqual(expect.arrayContaining(['user:admin sign-in false', 'user:nobody sign-in false', 'user:admin sign-in true', 'user:admin sign-out true']));
    const file = fs.readFileSync(path.join(path.dirname(server.store.location ?? "."), 'registry.sqlite'));
    expect(file.includes('test-admin-password')).toBe(false);
  });

  test('an admin creates a commander; disabling or demoting an account ends its sessions and sockets at once; the last admin stays', async () => {
    server = await startTestServer();
    const create = await server.api('/api/admin/users', json({ username: 'zhang', displayName: '张', role: 'commander', password: 'commander password' }));
    expect(create.status).toBe(201);
    expect(await create.json()).toMatchObject({ username: 'zhang', role: 'commander', disabled: false });
    const cookie = cookieOf(await signIn('zhang', 'commander password'));
    const socket = await server.client({}, cookie);
    let disconnected = '';
    socket.on('disconnect', (reason) => (disconnected = reason));
    const patch = (username: string, body: object) => server.api(`/api/admin/users/${username}`, { ...json(body), method: 'PATCH' });
    expect((await patch('zhang', { role: 'analyst' })).status).toBe(200);
    expect(await waitFor(() => disconnected !== '')).toBe(true);
    expect(disconnected).toBe('io server disconnect');
    expect((await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).status).toBe(401);
    expect((await patch('zhang', { disabled: true })).status).toBe(200);
    expect((await signIn('zhang', 'commander password')).status).toBe(401);
    expect((await patch('admin', { disabled: true })).status).toBe(403);
    expect((await patch('admin', { role: 'analyst' })).status).toBe(403);
    expect((await patch('zhang', {})).status).toBe(400);
    expect((await server.api('/api/admin/users', json({ username: 'x', displayName: 'x', role: 'admin', password: 'short' }))).status).toBe(400);
  });
});

describe('walls and devices', () => {
  test('a wall token signs a screen in once; revoking it closes the open socket at once and refuses the session', async () => {
    server = await startTestServer();
    const issued = await server.api('/api/admin/tokens', json({ kind: 'wall', label: '指挥中心 1 号屏' }));
    expect(issued.status).toBe(201);
    const { id, token } = (await issued.json()) as { id: string; token: string };
    const listed = (await (await server.api('/api/admin/tokens')).json()) as Record<string, unknown>[];
    expect(listed.find((t) => t.id === id)).toMatchObject({ kind: 'wall', role: 'wall', label: '指挥中心 1 号屏', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await fetch(`${server.url}/api/auth/wall`, json({ token: 'gct_not-a-real-token-at-all' }))).status).toBe(401);
    const session = await fetch(`${server.url}/api/auth/wall`, json({ token }));
    expect(Me.parse(await session.json())).toMatchObject({ kind: 'wall', role: 'wall', permissions: ['health:read', 'live:read'] });
    const cookie = cookieOf(session);
    const wall = await server.client({}, cookie);
    const byToken = await server.client({ token });
    await server.tick();
    expect(wall.received[0]?.kind).toBe('snapshot');
    expect((await fetch(`${server.url}/api/v1/state`, { headers: { cookie } })).status).toBe(403);
    expect((await server.api(`/api/admin/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await waitFor(() => !wall.connected && !byToken.connected)).toBe(true);
    expect((await fetch(`${server.url}/api/snapshot`, { headers: { cookie } })).status).toBe(401);
    await expect(server.client({}, cookie)).rejects.toThrow(/not signed in/);
    const audit = ((await (await server.api('/api/admin/audit')).json()) as { actor: string; action: string; target: string }[]).map((a) => `${a.actor} ${a.action} ${a.target}`);
    expect(audit).toEqual(expect.arrayContaining([`user:admin token.issue token:${id}`, `user:admin token.revoke token:${id}`, `wall:${id} sign-in wall`]));
    const changes = (await (await server.api('/api/admin/audit?source=change')).json()) as { source: string }[];
    const access = (await (await server.api('/api/admin/audit?source=access&limit=5')).json()) as { source: string }[];
    expect(changes.length).toBeGreaterThan(0);
    expect(new Set(changes.map((a) => a.source))).toEqual(new Set(['change']));
    expect(access.length).toBeLessThanOrEqual(5);
    expect(new Set(access.map((a) => a.source))).toEqual(new Set(['access']));
    expect((await server.api('/api/admin/audit?source=everything')).status).toBe(400);
  });

  test('a device token reports as its team only; team codes revoked sign the phones out', async () => {
    server = await startTestServer();
    const { token } = (await (await server.api('/api/admin/tokens', json({ kind: 'device', label: 'phone 7', teamId: 't1' }))).json()) as { token: string };
    expect((await server.api('/api/admin/tokens', json({ kind: 'device', label: 'x', teamId: 'no-such-team' }))).status).toBe(404);
    const device = await server.client({ role: 'field', token });
    await server.tick();
    expect(device.fieldStates.at(-1)?.team.id).toBe('t1');
    const send = (name: string, payload: object) => new Promise((resolve) => (device.emit as (...a: unknown[]) => void)(name, payload, resolve));
    const fix = (teamId: string) => ({ reportId: `r-${teamId}-${Date.now()}`, recordedAt: Date.now(), teamId, position: [114.3, 30.6] });
    expect(await send('position:report', fix('t1'))).toMatchObject({ ok: true });
    expect(await send('position:report', fix('t2'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const phone = await server.client({ role: 'field' }, await server.signIn('t2'));
    expect((await server.api('/api/admin/teams/t2/codes', { method: 'DELETE' })).status).toBe(200);
    expect(await waitFor(() => !phone.connected)).toBe(true);
    expect(device.connected).toBe(true);
  });
});
