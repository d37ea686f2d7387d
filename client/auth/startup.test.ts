import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Me } from '../../shared/auth.js';

const WALL_ME: Me = { kind: 'wall', role: 'wall', id: 'wall:1', displayName: '指挥中心 1 号屏', permissions: ['health:read', 'live:read'], setupRequired: false };
const ANONYMOUS: Me = { kind: 'anonymous', role: 'anonymous', id: '', displayName: '', permissions: ['health:read'], setupRequired: false };

/** A page at `url` with a History that rewrites it, as the browser's does. */
function createWindow(url: string) {
  const location = new URL(url);
  const replaceState = vi.fn((_state: unknown, _title: string, next: string) => {
    const u = new URL(next, location);
    location.hash = u.hash;
    location.search = u.search;
  });
  return { location, history: { state: null, replaceState } };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let win: ReturnType<typeof createWindow>;
beforeEach(() => {
  vi.resetModules(); // startup.ts remembers the page's first answer and token: a fresh module per test
  win = createWindow('http://wall.local:8080/?lang=en#wall-token=tok_abcdefghijklmnopqrstuvwxyz');
  vi.stubGlobal('window', win);
});
afterEach(() => vi.unstubAllGlobals());

test('takes the token out of the address bar before asking the server, then signs the wall in', async () => {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    expect(win.location.hash).toBe('');
    expect(url).toBe('/api/auth/wall');
    expect(JSON.parse(String(init?.body))).toEqual({ token: 'tok_abcdefghijklmnopqrstuvwxyz' });
    return json(200, WALL_ME);
  });
  vi.stubGlobal('fetch', fetch);
  const { loadMe } = await import('./startup.js');
  expect(await loadMe({ wall: true })).toEqual({ me: WALL_ME, notice: null });
  expect(win.history.replaceState).toHaveBeenCalledWith(null, '', '/?lang=en');
});

test('a wall switched on before its network keeps the token for the next try', async () => {
  const fetch = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(json(200, WALL_ME));
  vi.stubGlobal('fetch', fetch);
  const { loadMe } = await import('./startup.js');
  await expect(loadMe({ wall: true })).rejects.toMatchObject({ status: 0 });
  expect(await loadMe({ wall: true })).toEqual({ me: WALL_ME, notice: null });
  expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/auth/wall', '/api/auth/wall']);
});

test('a refused token says so and falls back to whoever this browser is', async () => {
  const fetch = vi.fn().mockResolvedValueOnce(json(401, { ok: false, error: { code: 'unauthenticated', message: 'unknown or revoked wall code' } })).mockResolvedValueOnce(json(200, ANONYMOUS));
  vi.stubGlobal('fetch', fetch);
  const { loadMe } = await import('./startup.js');
  expect(await loadMe({ wall: true })).toEqual({ me: ANONYMOUS, notice: 'badLink' });
  expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/auth/wall', '/api/auth/me']);
});

test('the console leaves a fragment alone and only asks who is signed in', async () => {
  const fetch = vi.fn().mockResolvedValue(json(200, ANONYMOUS));
  vi.stubGlobal('fetch', fetch);
  const { loadMe } = await import('./startup.js');
  expect(await loadMe({ wall: false })).toEqual({ me: ANONYMOUS, notice: null });
  expect(win.location.hash).toBe('#wall-token=tok_abcdefghijklmnopqrstuvwxyz');
  expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/auth/me']);
});
