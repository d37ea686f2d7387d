import { describe, expect, test } from 'vitest';
import { createChangeSet, type ChangeSet } from '../state/changes.js';
import { ChangeHistory } from './history.js';

function changes(teams: string[], cells: string[] = []): ChangeSet {
  const c = createChangeSet();
  for (const t of teams) c.ids.teams.add(t);
  for (const id of cells) c.ids.cells.add(id);
  return c;
}

describe('ChangeHistory', () => {
  test('answers a reconnect with everything changed after its seq, each id once', () => {
    const h = new ChangeHistory(10);
    h.push(10, 12, changes(['t1'], ['c1']));
    h.push(12, 15, changes(['t1', 't2']));
    const missed = h.since(12, 100)!;
    expect([...missed.ids.teams]).toEqual(['t1', 't2']);
    expect(missed.ids.cells.size).toBe(0);
    expect([...h.since(10, 100)!.ids.cells]).toEqual(['c1']);
  });

  test('sends a snapshot (null) when the gap is larger than the limit', () => {
    const h = new ChangeHistory(0);
    h.push(0, 5, changes(['t1', 't2', 't3']));
    h.push(5, 9, changes(['t4', 't5']));
    expect(h.since(0, 4)).toBeNull();
    expect(h.since(5, 4)).not.toBeNull();
  });

  test('forgets the oldest ticks past its bound and answers them with null', () => {
    const h = new ChangeHistory(0, 10);
    for (let i = 0; i < 10; i++) h.push(i * 3, i * 3 + 3, changes([`t${i}a`, `t${i}b`, `t${i}c`]));
    expect(h.since(0, 1000)).toBeNull();
    expect([...h.since(24, 1000)!.ids.teams].sort()).toEqual(['t8a', 't8b', 't8c', 't9a', 't9b', 't9c']);
  });

  test('keeps at most 20,000 changed ids by default, however long it runs', () => {
    const h = new ChangeHistory(0);
    for (let i = 0; i < 2000; i++) h.push(i * 30, i * 30 + 30, changes(Array.from({ length: 30 }, (_, k) => `t${(i * 30 + k) % 500}`)));
    expect(h.since(0, Infinity)).toBeNull();
    expect(h.since(2000 * 30 - 15_000, Infinity)).not.toBeNull();
  });
});
