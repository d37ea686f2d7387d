import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pino from 'pino';
import { COMMAND_NAMES, FIELD_COMMANDS } from '../../shared/commands.js';
import type { Ack } from '../../shared/protocol.js';
import { startTestServer, type TestClient } from '../testing/liveServer.js';
import { createIngestRouters } from '../ingest/ingest.js';

/**
 * The authorization matrix, walked for real: every HTTP route the app declares and every socket
 * event × every role → allowed or refused. The expectations below are written by hand from the
 * design (issue 5), not derived from the policy table the server uses, so a change to either shows.
 */
type Who = 'anonymous' | 'admin' | 'commander' | 'analyst' | 'wall' | 'field';
const WHO: Who[] = ['anonymous', 'admin', 'commander', 'analyst', 'wall', 'field'];
const EVERYONE = WHO;
const ADMIN: Who[] = ['admin'];
const OPERATORS: Who[] = ['admin', 'commander'];
const READERS: Who[] = ['admin', 'commander', 'analyst'];
const SCREENS: Who[] = ['admin', 'commander', 'analyst', 'wall'];

const FIELD = new Set<string>(FIELD_COMMANDS);
const v1Reads = ['/state', '/cells', '/cells/:id', '/checkpoints', '/checkpoints/:id', '/teams', '/teams/:id', '/tasks', '/tasks/:id', '/incidents', '/incidents/:id', '/entities/:kind/:id/events', '/events', '/timeline', '/export/:kind.:format'];

const EXPECTED: Record<string, Who[] | 'device'> = {
  'get /api/health': EVERYONE,
  'get /api/snapshot': SCREENS,
  'get /api/live/catalog/:version/:variant.json': SCREENS,
  ...Object.fromEntries(COMMAND_NAMES.map((n) => [`post /api/commands/${n}`, FIELD.has(n) ? [...OPERATORS, 'field'] : OPERATORS])),
  ...Object.fromEntries(v1Reads.map((p) => [`get /api/v1${p}`, READERS])),
  'post /api/v1/import/cells': ADMIN,
  'get /api/v1/openapi.json': EVERYONE,
  'get /api/v1/docs': EVERYONE,
  'get /api/auth/me': EVERYONE,
  'post /api/auth/session': EVERYONE,
  'delete /api/auth/session': EVERYONE,
  'post /api/auth/setup': EVERYONE,
  'post /api/auth/wall': EVERYONE,
  'post /api/field/session': EVERYONE,
  'delete /api/field/session': EVERYONE,
  'get /api/field/me': ['field'],
  'get /api/admin/users': ADMIN,
  'post /api/admin/users': ADMIN,
  'patch /api/admin/users/:username': ADMIN,
  'get /api/admin/tokens': ADMIN,
  'post /api/admin/tokens': ADMIN,
  'delete /api/admin/tokens/:id': ADMIN,
  'get /api/admin/devices': ADMIN,
  'post /api/admin/devices': ADMIN,
  'delete /api/admin/devices/:deviceId': ADMIN,
  'post /api/admin/teams/:teamId/code': ADMIN,
  'delete /api/admin/teams/:teamId/codes': ADMIN,
  'get /api/admin/audit': ADMIN,
  'post /ingest/osmand': 'device',
  'post /ingest/owntracks': 'device',
};
/** Who may open the live picture socket, and who the field socket. */
const LIVE_SOCKET: Who[] = SCREENS;
const FIELD_SOCKET: Who[] = ['field'];

const SAMPLE: Record<string, string> = { ':variant': 'wall', ':version': 'v', ':id': 'c1', ':kind': 'cells', ':format': 'csv', ':username': 'nobody', ':deviceId': 'nothing', ':teamId': 't1' };
/** The guard's refusals, told apart from a handler's own 401/403 (a wrong setup code, say). */
const GUARD_REFUSAL = /^(not signed in|role \w+ (needs|may not))/;

let server: Awaited<ReturnType<typeof startTestServer>>;
const credentials: Partial<Record<Who, () => Record<string, string>>> = {};

beforeAll(async () => {
  server = await startTestServer({ routers: ({ ledger, registry }) => createIngestRouters({ ledger, registry, log: pino({ level: 'silent' }) }) });
  const { registry } = server;
  for (const role of ['commander', 'analyst'] as const) await registry.accounts.create({ username: role, displayName: role, role, password: `${role}-password-123` });
  const wall = registry.tokens.issue({ kind: 'wall', label: 'wall 1', createdBy: 'test' }).token;
  // A fresh session per request, so requests that sign out do not change what the next one sees.
  credentials.admin = () => ({ cookie: `gc_session=${registry.accounts.openSession('user', 'admin')}` });
  credentials.commander = () => ({ cookie: `gc_session=${registry.accounts.openSession('user', 'commander')}` });
  credentials.analyst = () => ({ cookie: `gc_session=${registry.accounts.openSession('user', 'analyst')}` });
  credentials.wall = () => ({ authorization: `Bearer ${wall}` });
  credentials.field = () => ({ cookie: `gc_field=${registry.createSession('t1')}` });
  credentials.anonymous = () => ({});
});
afterAll(async () => server?.stop());

function concreteRoutes(): { key: string; method: string; path: string }[] {
  return server.app.routes.flatMap((r) => {
    if (r.access === 'command') return COMMAND_NAMES.map((n) => ({ key: `${r.method} ${r.path.replace(':name', n)}`, method: r.method, path: r.path.replace(':name', n) }));
    return [{ key: `${r.method} ${r.path}`, method: r.method, path: r.path.replace(/:[a-zA-Z]+/g, (m) => SAMPLE[m] ?? 'x') }];
  });
}

describe('authorization matrix', () => {
  test('every declared route has a designed expectation, and every expectation a route', () => {
    const declared = concreteRoutes().map((r) => r.key).sort();
    expect(declared).toEqual(Object.keys(EXPECTED).sort());
  });

  test('every HTTP route × every role is allowed or refused as designed', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of concreteRoutes()) {
      const design = EXPECTED[route.key]!;
      for (const who of WHO) {
        const headers = { 'content-type': 'application/json', ...credentials[who]!() };
        const res = await fetch(`${server.url}${route.path}`, { method: route.method.toUpperCase(), headers, body: route.method === 'get' ? undefined : '{}' });
        const text = await res.text();
        const message = res.status === 401 || res.status === 403 ? ((JSON.parse(text) as Ack & { ok: false }).error?.message ?? '') : '';
        const refused = GUARD_REFUSAL.test(message);
        expect(res.status, `${route.key} as ${who}: ${text.slice(0, 200)}`).toBeLessThan(500);
        outcomes.push(`${route.key} ${who} ${refused ? 'refused' : 'allowed'}`);
        // Tracker routes authenticate the device from the payload: nobody's session or role gets past them.
        const allowed = design === 'device' ? false : design.includes(who);
        expected.push(`${route.key} ${who} ${allowed ? 'allowed' : 'refused'}`);
        if (design === 'device') expect(res.status, `${route.key} as ${who}`).toBeGreaterThanOrEqual(400);
      }
    }
    // Device routes refuse by their own rules (unknown device), not the guard: compare the rest.
    const notDevice = (line: string) => !line.startsWith('post /ingest/');
    expect(outcomes.filter(notDevice)).toEqual(expected.filter(notDevice));
  });

  test('every socket event × every role is allowed or refused as designed, and only screens and phones connect', async () => {
    const connectAs = async (who: Who, field: boolean): Promise<TestClient | null> => {
      const c = credentials[who]!();
      const token = c.authorization?.replace('Bearer ', '');
      try {
        return await server.client({ role: field ? 'field' : 'wall', ...(token ? { token } : {}) }, c.cookie ?? (token ? undefined : 'gc_none=1'));
      } catch {
        return null;
      }
    };
    for (const who of WHO) {
      const live = await connectAs(who, false);
      const phone = await connectAs(who, true);
      expect(live !== null, `${who} opens the live socket`).toBe(LIVE_SOCKET.includes(who));
      expect(phone !== null, `${who} opens the field socket`).toBe(FIELD_SOCKET.includes(who));
      const socket = live ?? phone;
      if (!socket) continue;
      for (const name of COMMAND_NAMES) {
        const ack = await new Promise<Ack>((resolve) => (socket.emit as (...a: unknown[]) => void)(name, {}, resolve));
        const allowed = OPERATORS.includes(who) || (who === 'field' && FIELD.has(name));
        // Allowed commands get past the gate and fail validation on the empty payload instead.
        expect(ack, `${name} as ${who}`).toMatchObject({ ok: false, error: { code: allowed ? 'invalid' : 'forbidden' } });
      }
      live?.disconnect();
      phone?.disconnect();
    }
  });
});
