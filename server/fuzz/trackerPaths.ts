import fc from 'fast-check';
import { PositionReport } from '../../shared/commands.js';
import type { Registry } from '../auth/registry.js';
import { field, jsonDeviceId, parseOsmAndJson, parseOsmAndQuery } from '../ingest/osmandParse.js';
import { basicAuth, httpDeviceId, parseOwnTracks } from '../ingest/owntracksParse.js';
import { positionReportFor } from '../ingest/submit.js';
import type { Fix, Parsed } from '../ingest/fix.js';
import { jsonBodies, UNREADABLE, type HttpBody } from './body.js';
import type { FuzzPath } from './harness.js';
import { send } from './httpPaths.js';
import { PROTO_KEYS } from './mutate.js';
import { OWNTRACKS, VALID_OSMAND_QUERY, VALID_OWNTRACKS, VALID_TRACCAR_JSON } from './valid.js';

/** The server under test, read at call time. */
export interface TrackerTarget {
  readonly url: string;
  readonly registry: Registry;
}

export interface TrackerInput {
  method: string;
  /** Path and query as sent. */
  path: string;
  body?: HttpBody;
  headers: Record<string, string>;
  kinds: string[];
}

const LIMIT = 16 * 1024;
/** Charsets express.text decodes (latin1) or refuses (415); ASCII JSON reads the same in latin1. */
const CHARSETS = ['latin1', 'x-fuzz', 'utf-8x'];

/** The body as express.text hands it to the tracker routers, or UNREADABLE when it refuses it. */
function bodyText(b: HttpBody | undefined): string | typeof UNREADABLE {
  if (!b) return '';
  if (b.contentEncoding && b.contentEncoding !== 'identity') return UNREADABLE;
  const charset = /charset=([^;]+)/i.exec(b.contentType ?? '')?.[1]?.trim().toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'latin1') return UNREADABLE;
  const bytes = typeof b.body === 'string' ? new TextEncoder().encode(b.body) : b.body;
  if (bytes.length > LIMIT) return UNREADABLE;
  return new TextDecoder(charset === 'latin1' ? 'latin1' : 'utf-8').decode(bytes);
}

const isJson = (b: HttpBody | undefined) => b !== undefined && (b.contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';

/** A fix the ledger would take: parsed, from a registered device, and a valid position report. */
function takes(parsed: Parsed<Fix>, teamId: string | null): boolean {
  return teamId !== null && parsed.ok && PositionReport.safeParse(positionReportFor(parsed.value, teamId)).success;
}

const GARBAGE = ['', ' ', 'NaN', 'Infinity', '-Infinity', '1e999', 'abc', '12abc', '0x10', '1,5', '１２', '-0', '91', '-181', '1e308', '\u0001', '%zz', 'x'.repeat(300), '2020-02-30T00:00:00Z', '2020-13-01 00:00:00', '0', '-1', '99999999999999999', '1581301234000000', '4102444800', 'true'];
const KEYS = ['id', 'deviceid', 'timestamp', 'lat', 'lon', 'location', 'speed', 'bearing', 'heading', 'altitude', 'accuracy', 'batt', 'hdop', 'charge', ...PROTO_KEYS];

/** The OsmAnd query/form fields, broken: dropped, garbage, duplicated, extra keys, unknown devices. */
const brokenQuery = fc
  .tuple(VALID_OSMAND_QUERY, fc.array(fc.tuple(fc.constantFrom('drop', 'set', 'append'), fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ maxLength: 30 }))), { minLength: 1, maxLength: 4 }))
  .map(([q, edits]) => {
    const p = new URLSearchParams(q);
    for (const [how, k, v] of edits) {
      if (how === 'drop') p.delete(k);
      else if (how === 'set') p.set(k, v);
      else p.append(k, v);
    }
    return { params: p.toString(), kinds: edits.map(([how]) => `query:${how}`) };
  });
const rawQuery = fc.string({ maxLength: 200 }).map((s) => ({ params: s, kinds: ['rawQuery'] }));

/** OsmAnd at /ingest/osmand: query (GET or POST), form and JSON bodies, wrong methods. */
export function osmandPath(t: TrackerTarget): FuzzPath<TrackerInput> {
  const query = fc.oneof({ arbitrary: brokenQuery, weight: 4 }, { arbitrary: rawQuery, weight: 1 });
  const arb = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(query, fc.constantFrom('GET', 'POST')).map(([q, method]) => ({ method, path: `/ingest/osmand?${q.params}`, headers: {}, kinds: q.kinds })) },
    { weight: 2, arbitrary: query.map((q) => ({ method: 'POST', path: '/ingest/osmand', body: { contentType: 'application/x-www-form-urlencoded', body: q.params, kinds: [] }, headers: {}, kinds: [...q.kinds, 'form'] })) },
    { weight: 4, arbitrary: jsonBodies(VALID_TRACCAR_JSON, { limitBytes: LIMIT, charsets: CHARSETS }).map((body) => ({ method: 'POST', path: '/ingest/osmand', body, headers: {}, kinds: [...body.kinds, 'json'] })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS'), brokenQuery).map(([method, q]) => ({ method, path: `/ingest/osmand?${q.params}`, headers: {}, kinds: ['wrongMethod'] })) },
  );
  return {
    name: 'OsmAnd /ingest/osmand',
    arb,
    kinds: (i) => i.kinds,
    accepts: (i) => {
      if (i.method !== 'GET' && i.method !== 'POST') return false;
      const text = bodyText(i.body);
      if (text === UNREADABLE) return false;
      const now = Date.now();
      if (i.method === 'POST' && isJson(i.body)) {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return false;
        }
        const id = jsonDeviceId(body);
        return takes(parseOsmAndJson(body, now), id ? t.registry.deviceTeam(id, 'osmand') : null);
      }
      const target = new URL(i.path, t.url);
      const q = new URLSearchParams((target.pathname + target.search).split('?')[1] ?? '');
      const params = q.size > 0 ? q : new URLSearchParams(text);
      const id = field(params, 'id', 'deviceid')?.trim();
      return takes(parseOsmAndQuery(params, now), id ? t.registry.deviceTeam(id, 'osmand') : null);
    },
    // The query form answers errors as text (people read them with curl), and 405 has no body.
    send: (i) => send(t.url, i, i.headers, { textAllowed: !isJson(i.body) }),
  };
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
/** Authorization headers: the device's own, a wrong password, a device without a secret, garbage. */
const authorization = fc.oneof(
  { weight: 6, arbitrary: fc.constant(basic(OWNTRACKS.user, OWNTRACKS.secret)) },
  { weight: 1, arbitrary: fc.constantFrom(basic(OWNTRACKS.user, 'wrong-password'), basic('bob', 'anything'), basic('', OWNTRACKS.secret), 'Basic !!!', 'Basic', 'Bearer x', `Basic ${Buffer.from('nocolon').toString('base64')}`, '') },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([u, p]) => basic(u, p)) },
);
const limitHeaders = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Record<string, string>>({ 'x-limit-u': OWNTRACKS.user, 'x-limit-d': OWNTRACKS.device }) },
  { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({}, { 'x-limit-d': 'other' }, { 'x-limit-u': 'bob', 'x-limit-d': 'phone' }, { 'x-limit-u': ' ', 'x-limit-d': ' ' }) },
);
const OTHER_TYPES = fc.constantFrom({ _type: 'encrypted', data: 'AAAA' }, { _type: 'location' }, { _type: 7 }, { _type: null }, { lat: 30.5, lon: 114.3, tst: 1581301234 });

/** OwnTracks in HTTP mode at /ingest/owntracks: bad credentials, malformed messages, wrong methods. */
export function owntracksPath(t: TrackerTarget): FuzzPath<TrackerInput> {
  const extra = OTHER_TYPES.map((value) => ({ kinds: ['otherType'], value }));
  const method = fc.oneof({ arbitrary: fc.constant('POST'), weight: 12 }, { arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE'), weight: 1 });
  return {
    name: 'OwnTracks /ingest/owntracks',
    arb: fc.tuple(method, authorization, limitHeaders, jsonBodies(VALID_OWNTRACKS, { limitBytes: LIMIT, charsets: CHARSETS, extra })).map(([m, auth, limit, body]): TrackerInput => ({
      method: m,
      path: '/ingest/owntracks',
      body: m === 'GET' ? undefined : body,
      headers: { ...(auth ? { authorization: auth } : {}), ...limit },
      kinds: m === 'POST' ? body.kinds : ['wrongMethod'],
    })),
    kinds: (i) => i.kinds,
    accepts: (i) => {
      const auth = basicAuth(i.headers.authorization);
      const text = bodyText(i.body);
      if (i.method !== 'POST' || !auth || text === UNREADABLE) return false;
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        return false;
      }
      const topic = (message as { topic?: unknown } | null)?.topic;
      const deviceId = httpDeviceId({ user: i.headers['x-limit-u'], device: i.headers['x-limit-d'] }, auth.user, typeof topic === 'string' ? topic : null);
      if (!deviceId || t.registry.deviceTeam(deviceId, 'owntracks') !== null) return false;
      const teamId = t.registry.deviceTeam(deviceId, 'owntracks', auth.password);
      const parsed = parseOwnTracks(message, deviceId, Date.now());
      if (!teamId || !parsed.ok) return false;
      return parsed.value.kind === 'ignored' || takes({ ok: true, value: parsed.value.fix }, teamId);
    },
    send: (i) => send(t.url, i, i.headers),
  };
}
