import fc from 'fast-check';
import qs from 'qs';
import type { Registry } from '../auth/registry.js';
import { AuditQuery } from '../http/admin.js';
import { ROUTES, type RouteId } from '../http/v1/routes.js';
import type { FuzzPath } from './harness.js';
import { send, type HttpInput, type HttpTarget } from './httpPaths.js';
import { PROTO_KEYS } from './mutate.js';

// Reads and deletes: malformed query strings on /api/v1, ids that name nothing, the audit limit.

type Pairs = [string, string][];

/** The query object Express makes of these pairs: its own parser (qs, a dependency of Express 4) with its options. */
export function expressQuery(pairs: Pairs): Record<string, unknown> {
  return qs.parse(new URLSearchParams(pairs).toString(), { allowPrototypes: true, arrayLimit: 1000 });
}

const T = '2020-02-10T02:00:00Z';
/** Valid queries per route, about the fixture world. */
const VALID: { path: string; route: RouteId; pairs: Pairs[] }[] = [
  { path: '/api/v1/state', route: 'state', pairs: [[], [['seq', '3']], [['at', T]]] },
  { path: '/api/v1/cells', route: 'list_cells', pairs: [[['district', '420106'], ['risk', 'low']]] },
  { path: '/api/v1/teams', route: 'list_teams', pairs: [[['status', 'on_duty'], ['kind', 'patrol']]] },
  { path: '/api/v1/tasks', route: 'list_tasks', pairs: [[['status', 'pending']]] },
  { path: '/api/v1/incidents', route: 'list_incidents', pairs: [[['kind', 'fever']]] },
  { path: '/api/v1/teams/t1', route: 'get_teams', pairs: [[['seq', '5']]] },
  { path: '/api/v1/entities/teams/t1/events', route: 'entityEvents', pairs: [[['limit', '5']]] },
  { path: '/api/v1/events', route: 'events', pairs: [[['from', T], ['to', '2020-02-10T03:00:00Z'], ['format', 'json'], ['limit', '10']]] },
  { path: '/api/v1/timeline', route: 'timeline', pairs: [[['points', '10']]] },
  { path: '/api/v1/export/cells.geojson', route: 'export', pairs: [[['seq', '4']]] },
];
const KEYS = ['seq', 'at', 'limit', 'from', 'to', 'format', 'points', 'district', 'status', 'kind', 'risk', 'beforeSeq', 'afterSeq', 'foo', 'seq[x]', 'limit[]', '__proto__[seq]', ...PROTO_KEYS.filter((k) => k !== '__proto__')];
const VALUES = ['', ' ', '-1', '1.5', '1e3', '0x10', 'NaN', 'Infinity', '9'.repeat(16), '2020-13-45T00:00:00Z', '2020-02-10', 'yesterday', '0', '5001', '2001', 'csv', 'xml', 'geojson', 'HIGH', '%zz', 'x'.repeat(61), 'x'.repeat(5000), '4102444800001', ...PROTO_KEYS];

/** GET /api/v1/*: each route's query, broken by bad values, repeats, unknown and nested keys. */
export function v1QueryPath(t: HttpTarget): FuzzPath<HttpInput & { route: RouteId; pairs: Pairs }> {
  const edit = fc.tuple(fc.constantFrom('set', 'append', 'drop'), fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 30 })));
  const schemas = new Map(ROUTES.map((r) => [r.id, r.query]));
  return {
    name: 'GET /api/v1/* queries',
    arb: fc.tuple(fc.constantFrom(...VALID), fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([v, pick, edits]) => {
      let pairs: Pairs = [...v.pairs[pick % v.pairs.length]!];
      for (const [how, k, value] of edits) {
        if (how === 'drop') pairs = pairs.filter(([key]) => key !== k);
        else if (how === 'set') pairs = [...pairs.filter(([key]) => key !== k), [k, value]];
        else pairs.push([k, value]);
      }
      return { method: 'GET', path: `${v.path}?${new URLSearchParams(pairs).toString()}`, route: v.route, pairs, kinds: edits.map(([how]) => `query:${how}`) };
    }),
    kinds: (i) => i.kinds,
    accepts: (i) => schemas.get(i.route)?.safeParse(expressQuery(i.pairs)).success ?? false,
    send: (i) => send(t.url, i, t.asAdmin),
  };
}

const segment = fc.oneof(fc.string({ maxLength: 80 }).map(encodeURIComponent), fc.constantFrom('%zz', '%', 't1%00', 'T1', 'x'.repeat(4000), ...PROTO_KEYS));
const decoded = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/** GET /api/v1/<kind>/:id: ids that name no entity (and, with phantom ids, prototype keys). */
export function v1EntityPath(t: HttpTarget): FuzzPath<HttpInput> {
  const kinds = ['cells', 'checkpoints', 'teams', 'tasks', 'incidents'] as const;
  return {
    name: 'GET /api/v1/<kind>/:id',
    arb: fc
      .tuple(fc.constantFrom(...kinds), segment)
      .filter(([, id]) => !['', '.', '..'].includes(id)) // the list route, after URL normalisation
      .map(([kind, id]) => ({ method: 'GET', path: `/api/v1/${kind}/${id}`, kinds: ['entityId'] })),
    kinds: (i) => i.kinds,
    accepts: (i) => {
      const [, , , kind = '', raw = ''] = new URL(i.path, t.url).pathname.split('/');
      const id = decoded(raw);
      const map = t.state[kind as (typeof kinds)[number]] as object | undefined;
      if (id === null || !map) return false;
      return t.phantomIds ? Object.hasOwn(map, id) : id in map;
    },
    send: (i) => send(t.url, i, t.asAdmin),
  };
}

/** DELETE /api/admin/tokens/:id and /devices/:deviceId with ids that name nothing active. */
export function adminDeletePath(t: HttpTarget & { readonly registry: Registry }): FuzzPath<HttpInput> {
  return {
    name: 'DELETE /api/admin/tokens|devices/:id',
    arb: fc.tuple(fc.constantFrom('tokens', 'devices'), segment).map(([what, id]) => ({ method: 'DELETE', path: `/api/admin/${what}/${id}`, kinds: [`delete:${what}`] })),
    kinds: (i) => i.kinds,
    accepts: (i) => {
      const [, , , what, raw = ''] = new URL(i.path, t.url).pathname.split('/');
      const id = decoded(raw);
      const active = what === 'tokens' ? t.registry.tokens.list().filter((k) => k.revokedAt === null).map((k) => k.id) : t.registry.listDevices().map((d) => d.deviceId);
      return id !== null && active.includes(id);
    },
    send: (i) => send(t.url, i, t.asAdmin),
  };
}

/** GET /api/admin/audit with a limit that is no whole number from 1 to 2000. */
export function auditPath(t: HttpTarget): FuzzPath<HttpInput & { pairs: Pairs }> {
  const pair = fc.tuple(fc.constantFrom('limit', 'limit[x]', 'limit[]'), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 20 })));
  return {
    name: 'GET /api/admin/audit',
    arb: fc.array(pair, { minLength: 1, maxLength: 3 }).map((pairs) => ({ method: 'GET', path: `/api/admin/audit?${new URLSearchParams(pairs).toString()}`, pairs, kinds: ['auditLimit'] })),
    kinds: (i) => i.kinds,
    accepts: (i) => AuditQuery.safeParse(expressQuery(i.pairs)).success,
    send: (i) => send(t.url, i, t.asAdmin),
  };
}
