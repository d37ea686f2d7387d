import type { EntityKind } from '../../../../shared/entities.js';
import type { LogEvent } from '../../../../shared/events.js';
import { reject } from '../../../commands/validate.js';
import { CLOCK_ENTITY, entityKey } from '../../../history/entities.js';
import { flagEvents } from '../../../history/flags.js';
import { timeline } from '../../../history/timeline.js';
import { writeEventsCsv } from '../../../exchange/eventsCsv.js';
import type { Handler } from '../context.js';
import { BadQuery } from '../query.js';
import { MAX_EVENT_RANGE_MS } from '../routes.js';

/** Older events read past the page so its oldest events can be flagged out of order too. */
const LOOKBACK = 50;

export const entityEvents: Handler = async ({ res, params, query, ledger }) => {
  const { kind, id = '' } = params;
  const known = kind === 'clock' ? id === 'scenario' : Object.hasOwn(ledger.state[kind as EntityKind], id);
  if (!known) return void res.status(404).json(reject('unknown_entity', `no ${kind} ${id}`));
  const entity = kind === 'clock' ? CLOCK_ENTITY : entityKey(kind as EntityKind, id);
  const { limit = 100, beforeSeq } = query as { limit?: number; beforeSeq?: number };
  const fetched = await ledger.store.entityEvents(entity, { limit: limit + LOOKBACK, beforeSeq });
  const page = fetched.slice(0, limit);
  const events = flagEvents(page, fetched.slice(limit));
  res.json({ entity, events, nextBeforeSeq: fetched.length > limit ? page.at(-1)!.seq : null });
};

/** The range asked for, checked: `to` defaults to now and `from` to an hour before it. */
function rangeOf(q: { from?: number; to?: number }, now: number): { from: number; to: number } {
  const to = q.to ?? now;
  const from = q.from ?? to - 3_600_000;
  if (from > to) throw new BadQuery('bad query: from is after to');
  if (to - from > MAX_EVENT_RANGE_MS) throw new BadQuery('bad query: the range may span at most 31 days; ask in several parts');
  return { from, to };
}

export const events: Handler = async ({ req, res, query, ledger, now }) => {
  const q = query as { from?: number; to?: number; format?: 'json' | 'csv'; limit?: number; afterSeq?: number };
  const { from, to } = rangeOf(q, now());
  const store = ledger.store;
  if (q.format === 'csv') {
    res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="events-${from}-${to}.csv"`);
    async function* pages(): AsyncIterable<LogEvent[]> {
      let afterSeq = q.afterSeq ?? 0;
      for (;;) {
        const page = await store.eventsBetween(from, to, { afterSeq, limit: 5000 });
        if (page.length) yield page;
        if (page.length < 5000 || req.destroyed) return;
        afterSeq = page.at(-1)!.seq;
      }
    }
    await writeEventsCsv(res, pages());
    return void res.end();
  }
  const limit = q.limit ?? 1000;
  const list = await store.eventsBetween(from, to, { afterSeq: q.afterSeq ?? 0, limit });
  res.json({ from, to, events: list, nextAfterSeq: list.length === limit ? list.at(-1)!.seq : null });
};

export const getTimeline: Handler = async ({ res, query, ledger }) => {
  res.json(await timeline(ledger.store, { points: (query as { points?: number }).points ?? 200 }));
};
