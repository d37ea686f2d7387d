import { describe, expect, test } from 'vitest';
import type { LogEvent } from '../../shared/events.js';
import { T0 } from '../testing/fixtures.js';
import { flagEvents } from './flags.js';

/** Compact fixture: `seq@deviceSecond/serverSecond`, device `-` for none. */
function events(spec: string): LogEvent[] {
  return spec.split(' ').map((s) => {
    const [seq, times] = s.split('@') as [string, string];
    const [device, server] = times.split('/') as [string, string];
    return { seq: Number(seq), type: 'position:report', actor: 'x:1', reportId: null, deviceTime: device === '-' ? null : T0 + Number(device) * 1000, serverTime: T0 + Number(server) * 1000, data: {} } as LogEvent;
  });
}
const flags = (list: ReturnType<typeof flagEvents>) => list.map((e) => `${e.seq}${e.late ? 'L' : ''}${e.outOfOrder ? 'O' : ''}`).join(' ');

describe('flagEvents', () => {
  test('marks a report received more than a minute after it was made as late', () => {
    expect(flags(flagEvents(events('3@100/161 2@100/160 1@-/100')))).toBe('3L 2 1');
  });

  test('marks a report made before one logged earlier as out of order, against the newest seen so far', () => {
    expect(flags(flagEvents(events('4@95/104 3@90/103 2@100/102 1@50/101')))).toBe('4O 3O 2 1');
  });

  test('compares the oldest returned events with the look-back ones without returning those', () => {
    expect(flags(flagEvents(events('5@80/105'), events('4@90/104')))).toBe('5O');
  });
});
