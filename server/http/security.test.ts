import { afterEach, describe, expect, test } from 'vitest';
import { basemapOrigins } from './security.js';
import { startTestServer } from '../testing/liveServer.js';

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterEach(async () => server?.stop());

describe('security headers', () => {
  test('every answer carries a strict CSP without inline script or eval', async () => {
    server = await startTestServer();
    const res = await server.api(`/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  test('a configured basemap adds only its origin', () => {
    expect(basemapOrigins(['https://tiles.example.cn/{z}/{x}/{y}.png', undefined, 'https://{s}.map.example.com/style.json'])).toEqual([
      'https://tiles.example.cn',
      'https://0.map.example.com',
    ]);
    expect(basemapOrigins([undefined])).toEqual([]);
  });

  test('large answers are gzipped for clients that accept it', async () => {
    server = await startTestServer();
    const res = await server.api(`/api/v1/state`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await res.json()).state.teams.t1.id).toBe('t1');
  });

  test('a socket handshake from another site’s page is refused, even with a valid session cookie', async () => {
    server = await startTestServer();
    const { io } = await import('socket.io-client');
    const tryOrigin = (origin: string) =>
      new Promise<string>((resolve) => {
        const s = io(server!.url, { transports: ['polling'], reconnection: false, forceNew: true, extraHeaders: { origin, ...server!.asAdmin } });
        s.on('connect', () => (s.disconnect(), resolve('connected')));
        s.on('connect_error', (e) => (s.disconnect(), resolve(`refused: ${e.message}`)));
      });
    expect(await tryOrigin('https://evil.example')).toMatch(/^refused/);
    expect(await tryOrigin(server.url)).toBe('connected');
  });

  test('broken requests on every router get a JSON error, never an HTML page with a stack trace', async () => {
    server = await startTestServer();
    const cases: [string, string, RequestInit, number][] = [
      ['POST', '/api/auth/session', { body: '{"username":', headers: { 'content-type': 'application/json' } }, 400],
      ['POST', '/api/field/session', { body: JSON.stringify({ code: 'x'.repeat(10_000) }), headers: { 'content-type': 'application/json' } }, 413],
      ['POST', '/api/admin/users', { body: '{}', headers: { 'content-type': 'application/json; charset=latin-9' } }, 415],
      ['PATCH', '/api/admin/users/%E0%A4%A', { body: '{}', headers: { 'content-type': 'application/json' } }, 400],
      ['POST', '/api/admin/tokens', { body: '{}', headers: { 'content-type': 'application/json', 'content-encoding': 'br-not' } }, 415],
    ];
    for (const [method, path, init, status] of cases) {
      const res = await server.api(path, { ...init, method });
      const text = await res.text();
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/json/);
      expect(text).not.toMatch(/at \w+ \(|node_modules|<html/i);
      expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  });
});
