import fc from 'fast-check';
import { malformed, type Json } from './mutate.js';

/** One HTTP request body as sent on the wire. */
export interface HttpBody {
  contentType?: string;
  contentEncoding?: string;
  body: string | Uint8Array;
  /** What was done to it, for the tallies in the test output. */
  kinds: string[];
}

const WRONG_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', 'multipart/form-data; boundary=fuzz', 'text/html', 'application/xml', 'application/jsonp', 'json'];
const NOT_JSON = ['', ' ', 'NaN', 'Infinity', 'undefined', "{'a':1}", '{"a":1,}', '{a:1}', '[1,]', '{"a":1}}', '{"a":', '"\\u00"', '\u0000', '\uFEFF{}', '<xml/>', 'a=1&b=2', '{"__proto__":'];
const PRIMITIVES = ['null', '1', '-0', '"x"', 'true', '1e999', '""'];

const utf8 = (s: string) => new TextEncoder().encode(s).length;

/**
 * Malformed bodies for a JSON endpoint: mutated or arbitrary payloads as JSON, text that is not JSON,
 * JSON primitives, the right JSON under a wrong content type, binary garbage, an unsupported charset or
 * encoding, bodies over the limit and deeply nested ones.
 */
export function jsonBodies(
  valid: fc.Arbitrary<Json>,
  opts: { limitBytes: number; jsonType?: string; /** More malformed payloads to send as JSON. */ extra?: fc.Arbitrary<{ kinds: string[]; value: Json }>; /** @default charsets body-parser refuses (415) or misreads (utf-16 of ASCII: 400); utf-7 is readable, so not malformed */ charsets?: string[] },
): fc.Arbitrary<HttpBody> {
  const json = opts.jsonType ?? 'application/json';
  const payloads = opts.extra ? fc.oneof({ arbitrary: malformed(valid), weight: 9 }, { arbitrary: opts.extra, weight: 1 }) : malformed(valid);
  const maxExtra = Math.min(4 * opts.limitBytes, 64 * 1024);
  const jsonTypes = fc.constantFrom(json, `${json}; charset=utf-8`, json.toUpperCase());
  return fc.oneof(
    { weight: 10, arbitrary: fc.tuple(payloads, jsonTypes).map(([p, contentType]) => ({ contentType, body: JSON.stringify(p.value) ?? '', kinds: p.kinds })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NOT_JSON), jsonTypes).map(([body, contentType]) => ({ contentType, body, kinds: ['notJson'] })) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat(), fc.string({ maxLength: 8 })).map(([v, cut, tail]) => {
        const text = JSON.stringify(v);
        return { contentType: json, body: text.slice(0, cut % text.length) + tail, kinds: ['truncatedJson'] };
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...PRIMITIVES).map((body) => ({ contentType: json, body, kinds: ['jsonPrimitive'] })) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.constantFrom(...WRONG_TYPES, undefined)).map(([v, contentType]) => ({ contentType, body: JSON.stringify(v), kinds: ['wrongContentType'] })) },
    { weight: 1, arbitrary: fc.tuple(fc.uint8Array({ maxLength: 512 }), fc.constantFrom(json, ...WRONG_TYPES, undefined)).map(([body, contentType]) => ({ contentType, body, kinds: ['binary'] })) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.constantFrom(...(opts.charsets ?? ['latin1', 'utf-16', 'x-fuzz']))).map(([v, cs]) => ({ contentType: `${json}; charset=${cs}`, body: JSON.stringify(v), kinds: ['badCharset'] })) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom('gzip', 'deflate', 'br', 'x-fuzz')).map(([v, contentEncoding]) => ({ contentType: json, contentEncoding, body: JSON.stringify(v), kinds: ['badEncoding'] })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: maxExtra }).map((extra) => ({ contentType: json, body: JSON.stringify({ pad: 'x'.repeat(opts.limitBytes + extra) }), kinds: ['overLimit'] })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({ min: 100, max: 30_000 }), fc.boolean()).map(([n, arrays]) => ({
        contentType: json,
        body: arrays ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n),
        kinds: ['deepNest'],
      })),
    },
  );
}

/** Thrown-away marker: the server refuses the body before any handler sees it. */
export const UNREADABLE = Symbol('unreadable');

/**
 * What Express's JSON body parser hands the handler for this body (body-parser's rules: JSON media
 * types only, utf-8 only, no encoding we garble, within the limit, strict: an object or array),
 * or UNREADABLE when it answers 4xx itself. A body of another media type is not read: `{}`.
 */
export function parsedBody(b: HttpBody, opts: { limitBytes: number; jsonTypes: string[] }): Json | typeof UNREADABLE {
  const [media = '', ...params] = (b.contentType ?? '').split(';').map((s) => s.trim().toLowerCase());
  const bytes = typeof b.body === 'string' ? utf8(b.body) : b.body.length;
  if (!opts.jsonTypes.includes(media)) return {};
  if (b.contentEncoding && b.contentEncoding !== 'identity') return UNREADABLE;
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8);
  if (charset !== undefined && charset !== 'utf-8') return UNREADABLE;
  if (bytes > opts.limitBytes) return UNREADABLE;
  // iconv-lite, which body-parser decodes with, drops a leading byte-order mark.
  const text = (typeof b.body === 'string' ? b.body : new TextDecoder().decode(b.body)).replace(/^\uFEFF/, '');
  if (text.length === 0) return {};
  if (!/^[ \t\n\r]*[[{]/.test(text)) return UNREADABLE;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return UNREADABLE;
  }
}
