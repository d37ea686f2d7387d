import fc from 'fast-check';
import { z } from 'zod';
import { COMMAND_NAMES } from '../../shared/commands.js';
import { CreateUserRequest, FieldSignInRequest, IssueTokenRequest, RegisterDeviceRequest, SetupRequest, SignInRequest, TeamId, UpdateUserRequest, WallSignInRequest } from '../../shared/auth.js';
import type { PictureState } from '../../shared/protocol.js';
import { importCells } from '../exchange/importCells.js';
import { call, type Answer, type FuzzPath } from './harness.js';
import { jsonBodies, parsedBody, UNREADABLE, type HttpBody } from './body.js';
import { PROTO_KEYS, type Json } from './mutate.js';
import { commandAccepted, phantomIds } from './socketPaths.js';
import { VALID_BODIES, VALID_COMMANDS, VALID_GRID } from './valid.js';

/** The server under test, read at call time (the paths are built before it starts). */
export interface HttpTarget {
  readonly url: string;
  readonly state: PictureState;
  readonly asAdmin: Record<string, string>;
  readonly asCommander: Record<string, string>;
  readonly phantomIds: boolean;
}

export interface HttpInput {
  method: string;
  /** Path and query, as sent (segments already encoded, or deliberately not). */
  path: string;
  body?: HttpBody;
  kinds: string[];
}

const KB = 1024;
const JSON_TYPES = ['application/json'];

export function send(url: string, i: HttpInput, headers: Record<string, string>, opts: { textAllowed?: boolean } = {}): Promise<Answer> {
  const h: Record<string, string> = { ...headers };
  if (i.body?.contentType !== undefined) h['content-type'] = i.body.contentType;
  if (i.body?.contentEncoding !== undefined) h['content-encoding'] = i.body.contentEncoding;
  return call(`${url}${i.path}`, { method: i.method, headers: h, body: i.body?.body as BodyInit | undefined }, opts);
}

const isTeamProto = (v: Json) => typeof v === 'string' && v in Object.prototype;
/** Path segments: arbitrary (encoded), broken percent-encoding, traversal, prototype keys, over-long. */
const segment = fc.oneof(
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
  fc.constantFrom('%zz', '%', '%E0%A4%A', '..', '%2e%2e', 't1%00', 't1%20', 'T1', 't1%2F..%2Ft2', '%F0%9F%98%B7', 'x'.repeat(65), 'x'.repeat(4000), ...PROTO_KEYS),
);
const decoded = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/** A JSON route: malformed bodies, judged by the route's shared schema. */
function jsonRoute(t: HttpTarget, o: { name: string; method?: string; path: fc.Arbitrary<string>; valid: fc.Arbitrary<Json>; limitBytes: number; schema: z.ZodType; headers: () => Record<string, string>; phantomTeam?: boolean }): FuzzPath<HttpInput> {
  const extra = o.phantomTeam && t.phantomIds ? phantomIds(o.valid) : undefined;
  return {
    name: o.name,
    arb: fc.tuple(o.path, jsonBodies(o.valid, { limitBytes: o.limitBytes, extra })).map(([path, body]) => ({ method: o.method ?? 'POST', path, body, kinds: body.kinds })),
    kinds: (i) => i.kinds,
    accepts: (i) => {
      const body = parsedBody(i.body!, { limitBytes: o.limitBytes, jsonTypes: JSON_TYPES });
      if (body === UNREADABLE || !o.schema.safeParse(body).success) return false;
      return !(t.phantomIds && o.phantomTeam && isTeamProto((body as { teamId?: Json }).teamId));
    },
    send: (i) => send(t.url, i, o.headers()),
  };
}

export function httpPaths(t: HttpTarget): FuzzPath<HttpInput>[] {
  const at = (p: string) => fc.constant(p);
  const admin = () => t.asAdmin;
  const anonymous = () => ({});
  return [
    commandsRoute(t),
    importRoute(t),
    jsonRoute(t, { name: 'POST /api/auth/session', path: at('/api/auth/session'), valid: VALID_BODIES.signIn, limitBytes: 4 * KB, schema: SignInRequest, headers: anonymous }),
    jsonRoute(t, { name: 'POST /api/auth/setup', path: at('/api/auth/setup'), valid: VALID_BODIES.setup, limitBytes: 4 * KB, schema: SetupRequest, headers: anonymous }),
    jsonRoute(t, { name: 'POST /api/auth/wall', path: at('/api/auth/wall'), valid: VALID_BODIES.wall, limitBytes: 4 * KB, schema: WallSignInRequest, headers: anonymous }),
    jsonRoute(t, { name: 'POST /api/field/session', path: at('/api/field/session'), valid: VALID_BODIES.fieldCode, limitBytes: 4 * KB, schema: FieldSignInRequest, headers: anonymous }),
    jsonRoute(t, { name: 'POST /api/admin/users', path: at('/api/admin/users'), valid: VALID_BODIES.createUser, limitBytes: 8 * KB, schema: CreateUserRequest, headers: admin }),
    jsonRoute(t, {
      name: 'PATCH /api/admin/users/:username',
      method: 'PATCH',
      path: fc.oneof(fc.constantFrom('admin', 'nobody'), segment).map((u) => `/api/admin/users/${u}`),
      valid: VALID_BODIES.updateUser,
      limitBytes: 8 * KB,
      schema: UpdateUserRequest,
      headers: admin,
    }),
    jsonRoute(t, { name: 'POST /api/admin/tokens', path: at('/api/admin/tokens'), valid: VALID_BODIES.issueToken, limitBytes: 8 * KB, schema: IssueTokenRequest, headers: admin, phantomTeam: true }),
    jsonRoute(t, { name: 'POST /api/admin/devices', path: at('/api/admin/devices'), valid: VALID_BODIES.registerDevice, limitBytes: 8 * KB, schema: RegisterDeviceRequest, headers: admin, phantomTeam: true }),
    teamCodeRoute(t),
  ];
}

/** POST /api/commands/:name: every command name (and names that are none), malformed bodies. */
function commandsRoute(t: HttpTarget): FuzzPath<HttpInput> {
  const known = fc.constantFrom(...COMMAND_NAMES);
  const name = fc.oneof({ arbitrary: known, weight: 9 }, { arbitrary: fc.oneof(segment, fc.constantFrom('position:reports', 'POSITION:REPORT', 'position%3Areport%20')), weight: 1 });
  return {
    name: 'POST /api/commands/:name',
    arb: name.chain((n) => {
      const valid = Object.hasOwn(VALID_COMMANDS, n) ? VALID_COMMANDS[n as keyof typeof VALID_COMMANDS] : VALID_COMMANDS['position:report']; // `constructor` is a name too
      const extra = t.phantomIds ? phantomIds(valid) : undefined;
      return jsonBodies(valid, { limitBytes: 64 * KB, extra }).map((body) => ({ method: 'POST', path: `/api/commands/${n}`, body, kinds: body.kinds }));
    }),
    kinds: (i) => i.kinds,
    accepts: (i) => {
      const body = parsedBody(i.body!, { limitBytes: 64 * KB, jsonTypes: JSON_TYPES });
      const n = decoded(i.path.slice('/api/commands/'.length));
      return body !== UNREADABLE && n !== null && commandAccepted(n, body, { phantomIds: t.phantomIds });
    },
    send: (i) => send(t.url, i, t.asCommander),
  };
}

// Express's query parser (qs) drops `__proto__` keys: that query is as good as none.
const GOOD_QUERIES = ['', '?dryRun=1', '?dryRun=false', '?source=fuzz-1', '?dryRun=true&source=a.b', '?__proto__[x]=1'];
const BAD_QUERIES = ['?dryRun=yes', '?dryRun=1&dryRun=0', '?source=../../etc', '?source=', `?source=${'x'.repeat(41)}`, '?source[a]=1', '?foo=1', '?constructor[prototype][x]=1', '?dryRun'];
const IMPORT_LIMIT = 8 * KB * KB;
const MAX_FEATURES = 25_000;

/** POST /api/v1/import/cells: malformed GeoJSON grids, wrong query parameters, too many features. */
function importRoute(t: HttpTarget): FuzzPath<HttpInput> {
  const query = fc.oneof({ arbitrary: fc.constantFrom(...GOOD_QUERIES), weight: 4 }, { arbitrary: fc.constantFrom(...BAD_QUERIES), weight: 1 });
  const tooMany = fc.constantFrom<Json>({}, null, 1).map((f) => ({ kinds: ['tooManyFeatures'], value: { type: 'FeatureCollection', features: Array.from({ length: MAX_FEATURES + 1 }, () => f) } }));
  const bodies = fc.oneof(jsonBodies(VALID_GRID, { limitBytes: IMPORT_LIMIT, extra: tooMany }), jsonBodies(VALID_GRID, { limitBytes: IMPORT_LIMIT, jsonType: 'application/geo+json' }));
  return {
    name: 'POST /api/v1/import/cells',
    arb: fc.tuple(query, bodies).map(([q, body]) => ({ method: 'POST', path: `/api/v1/import/cells${q}`, body, kinds: [...body.kinds, ...(BAD_QUERIES.includes(q) ? ['badQuery'] : [])] })),
    kinds: (i) => i.kinds,
    accepts: (i) => {
      if (!GOOD_QUERIES.includes(i.path.slice('/api/v1/import/cells'.length))) return false;
      const body = parsedBody(i.body!, { limitBytes: IMPORT_LIMIT, jsonTypes: ['application/json', 'application/geo+json'] }) as { type?: unknown; features?: unknown } | typeof UNREADABLE;
      if (body === UNREADABLE || !body || body.type !== 'FeatureCollection' || !Array.isArray(body.features) || body.features.length > MAX_FEATURES) return false;
      return importCells(body.features, { existing: (id) => t.state.cells[id], now: Date.now() }).cells.length > 0;
    },
    send: (i) => send(t.url, i, t.asAdmin),
  };
}

/** POST /api/admin/teams/:teamId/code: team ids that are malformed or name no team. */
function teamCodeRoute(t: HttpTarget): FuzzPath<HttpInput> {
  return {
    name: 'POST /api/admin/teams/:teamId/code',
    arb: segment.map((s) => ({ method: 'POST', path: `/api/admin/teams/${s}/code`, kinds: ['teamId'] })),
    kinds: (i) => i.kinds,
    accepts: (i) => {
      const id = decoded(new URL(i.path, t.url).pathname.split('/')[4] ?? '');
      if (id === null || !TeamId.safeParse(id).success) return false;
      return t.phantomIds ? Object.hasOwn(t.state.teams, id) : id in t.state.teams;
    },
    send: (i) => send(t.url, i, t.asAdmin),
  };
}
