import { describe, expect, test } from 'vitest';
import type { Checkpoint } from '../../shared/entities.js';
import { checkpointStatusOn } from './checkpointsPlan.js';

const at = (date: string, hour = 12, districtActive = 10) => ({ date, hour, districtActive, seed: 2020 });
const cp = (kind: Checkpoint['kind'], id = 'CP-001') => ({ id, kind });
const IDS = Array.from({ length: 40 }, (_, i) => `CP-${i}`);

describe('checkpointStatusOn', () => {
  test('everything is open until the lockdown at 10:00 on 2020-01-23', () => {
    expect(checkpointStatusOn(cp('highway_exit'), at('2020-01-22'))).toBe('open');
    expect(checkpointStatusOn(cp('highway_exit'), at('2020-01-23', 9))).toBe('open');
    expect(checkpointStatusOn(cp('highway_exit'), at('2020-01-23', 10))).toBe('closed');
    expect(checkpointStatusOn(cp('bridge'), at('2020-01-23', 10))).toBe('restricted');
  });

  test('compound gates are sealed from 2020-02-11', () => {
    expect(checkpointStatusOn(cp('compound_gate'), at('2020-02-10'))).toBe('restricted');
    expect(checkpointStatusOn(cp('compound_gate'), at('2020-02-11'))).toBe('closed');
  });

  test('from 03-25 a site reopens at once where its district has no active cases', () => {
    expect(checkpointStatusOn(cp('district_border'), at('2020-03-24', 12, 0))).toBe('restricted');
    expect(checkpointStatusOn(cp('district_border'), at('2020-03-25', 12, 0))).toBe('open');
  });

  test('with active cases sites reopen on staggered dates, and all exits are lifted on 04-08', () => {
    const onDate = (date: string) => IDS.map((id) => checkpointStatusOn(cp('bridge', id), at(date)));
    expect(onDate('2020-03-25').filter((s) => s === 'open').length).toBeLessThan(IDS.length / 2);
    expect(onDate('2020-04-07').every((s) => s === 'open')).toBe(true);
    expect(IDS.every((id) => checkpointStatusOn(cp('highway_exit', id), at('2020-04-08')) === 'lifted')).toBe(true);
    expect(onDate('2020-04-18').every((s) => s === 'lifted')).toBe(true);
  });

  test('hospital gates stay restricted to the end', () => {
    expect(checkpointStatusOn(cp('hospital'), at('2020-04-29', 12, 0))).toBe('restricted');
  });
});
