import { afterEach, describe, expect, test } from 'vitest';
import { position } from '../testing/fixtures.js';
import { startTestServer } from '../testing/liveServer.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

const post = (url: string, body: string, type = 'application/json') =>
  fetch(url, { method: 'POST', headers: { 'content-type': type, ...server.asAdmin }, body });

describe('HTTP API', () => {
  test('health reports status, version, store, seq and entity counts', async () => {
    server = await startTestServer();
    const res = await server.api(`/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'ok',
      version: 'test',
      store: { kind: 'sqlite' },
      seq: 8,
      counts: { cells: 3, checkpoints: 2, teams: 2, tasks: 1, incidents: 0, events: 8 },
    });
    expect(body.store.path).toMatch(/log\.sqlite$/);
    expect(typeof body.uptimeS).toBe('number');
  });

  test('a command over HTTP is acknowledged only once stored, and applied', async () => {
    server = await startTestServer();
    const res = await post(`${server.url}/api/commands/position:report`, JSON.stringify(position('t1', 114.35, 30.6, Date.now())));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, seq: 9, duplicate: false });
    expect(await server.store.lastSeq()).toBe(9);
  });

  test('bad HTTP input gets a clear JSON error and changes nothing', async () => {
    server = await startTestServer();
    const cases: [string, string, number, RegExp][] = [
      ['position:report', '{"teamId":', 400, /not valid JSON/],
      ['position:report', JSON.stringify({ ...position('t1', 114, 30, Date.now()), position: [null, 30] }), 400, /position/],
      ['position:report', JSON.stringify(position('nope', 114, 30, Date.now())), 404, /unknown team/],
      ['position:report', JSON.stringify({ pad: 'x'.repeat(70_000) }), 413, /too large/],
      ['self:destruct', '{}', 404, /unknown command/],
    ];
    for (const [name, body, status, message] of cases) {
      const res = await post(`${server.url}/api/commands/${name}`, body);
      expect(res.status, body.slice(0, 40)).toBe(status);
      const ack = await res.json();
      expect(ack.ok).toBe(false);
      expect(ack.error.message).toMatch(message);
    }
    expect(await server.store.lastSeq()).toBe(8);
  });
});
