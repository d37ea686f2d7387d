import { z } from 'zod';
import { EpochMs } from '../../../shared/geo.js';
import type { Moment } from '../../history/timeTravel.js';
import { toEpochMs } from '../../exchange/cellProperties.js';

/** A whole number in a query string (`?seq=120`). */
export const IntParam = z.string().regex(/^\d{1,15}$/, 'must be a whole number').transform(Number);

/** A time in a query string: ISO 8601 (`2020-02-10T08:00:00Z`, `2020-02-10T16:00+08:00`) or epoch ms. */
export const TimeParam = z
  .string()
  .transform((v, ctx) => {
    const t = toEpochMs(/^\d{1,15}$/.test(v) ? Number(v) : v);
    if (t === null) ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 time or epoch milliseconds' });
    return t ?? 0;
  })
  .pipe(EpochMs)
  .meta({ description: 'ISO 8601 time (with zone) or epoch milliseconds' });

/** `?at=<time>` or `?seq=<n>`: which moment of the log to answer for; neither means now. */
export const MomentQuery = {
  at: TimeParam.optional().meta({ description: 'Answer as of this server time (the last event at or before it).' }),
  seq: IntParam.optional().meta({ description: 'Answer as of right after this event seq.' }),
};

export function momentOf(q: { at?: number; seq?: number }): Moment | null {
  if (q.seq !== undefined && q.at !== undefined) throw new BadQuery('bad query: give at or seq, not both');
  if (q.seq !== undefined) return { seq: q.seq };
  if (q.at !== undefined) return { time: q.at };
  return null;
}

export class BadQuery extends Error {}

/** Parses a request's query or path params with the route's schema; throws BadQuery with every reason. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: 'query' | 'path'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new BadQuery(`bad ${what}: ${reasons.join('; ')}`);
}

/** A strict query schema: an unknown parameter is a typo to report, not to ignore. */
export const query = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

/** Query fields of the routes that can answer for a past moment. */
export const momentQuery = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ ...MomentQuery, ...shape });
