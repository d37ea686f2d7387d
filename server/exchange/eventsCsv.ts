import type { Writable } from 'node:stream';
import type { LogEvent } from '../../shared/events.js';
import { BOM, csvRow } from './csv.js';

export const EVENT_CSV_HEADER = ['seq', 'type', 'actor', 'reportId', 'deviceTime', 'serverTime', 'data'];

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export function eventCsvRow(e: LogEvent): string {
  return csvRow([e.seq, e.type, e.actor, e.reportId, iso(e.deviceTime), iso(e.serverTime), JSON.stringify(e.data)]);
}

/**
 * Writes pages of events as one CSV, honouring backpressure, so a day of the log goes out in
 * constant memory instead of as one giant string. Resolves with the number of rows written.
 */
export async function writeEventsCsv(out: Writable, pages: AsyncIterable<LogEvent[]>): Promise<number> {
  let rows = 0;
  out.write(BOM + csvRow(EVENT_CSV_HEADER));
  for await (const page of pages) {
    if (out.destroyed) break; // the client went away: stop reading the log
    if (!out.write(page.map(eventCsvRow).join(''))) await drainOrClose(out);
    rows += page.length;
  }
  return rows;
}

/** Waits until the stream wants more, or is gone (a client that hangs up never drains). */
function drainOrClose(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
