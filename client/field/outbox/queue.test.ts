import { describe, expect, test } from 'vitest';
import type { CommandOf } from '../../../shared/commands.js';
import { afterAck, afterNetworkError, backoffMs, BACKOFF, createItem, nextDueAt, sendOrder, wakeAll, type OutboxItem } from './queue.js';

const T0 = Date.UTC(2020, 1, 12, 6);

function position(id: string, recordedAt: number, createdAt = recordedAt): OutboxItem {
  const payload: CommandOf<'position:report'> = { reportId: `pos-${id}-xx`, recordedAt, teamId: 't1', position: [114.3, 30.6] };
  return createItem('position:report', payload, 't1', createdAt);
}

function incident(id: string, createdAt: number): OutboxItem {
  const payload: CommandOf<'incident:create'> = { reportId: `inc-${id}-xx`, recordedAt: createdAt, incidentId: `i-${id}`, kind: 'fever', severity: 'high', position: [114.3, 30.6], note: '' };
  return createItem('incident:create', payload, 't1', createdAt);
}

const ids = (items: OutboxItem[]) => items.map((i) => i.reportId.split('-')[1]);

describe('sendOrder', () => {
  test('sends the newest position first, then other reports oldest first, then older positions', () => {
    const items = [position('p1', T0 + 1), incident('a', T0 + 2), position('p3', T0 + 30), incident('b', T0 + 3), position('p2', T0 + 10)];
    expect(ids(sendOrder(items, 't1', T0 + 100))).toEqual(['p3', 'a', 'b', 'p1', 'p2']);
  });

  test('orders positions by the fix time, not by when they were queued', () => {
    const items = [position('late', T0 + 50, T0), position('early', T0 + 5, T0 + 60)];
    expect(ids(sendOrder(items, 't1', T0 + 100))[0]).toBe('late');
  });

  test('skips failed reports, reports not yet due and other teams’ reports', () => {
    const failed = { ...incident('f', T0), status: 'failed' as const };
    const later = { ...incident('l', T0), nextAttemptAt: T0 + 500 };
    const other = { ...incident('o', T0), teamId: 't2' };
    expect(ids(sendOrder([failed, later, other, incident('ok', T0)], 't1', T0 + 100))).toEqual(['ok']);
  });
});

describe('afterAck', () => {
  test('drops a report the server acknowledged, also as a duplicate', () => {
    expect(afterAck(incident('a', T0), { ok: true, seq: 5, duplicate: true }, T0, 0.5)).toEqual({ kind: 'done' });
  });

  test.each(['invalid', 'forbidden', 'unknown_entity'] as const)('marks a report refused as %s failed, with the reason', (code) => {
    const outcome = afterAck(incident('a', T0), { ok: false, error: { code, message: 'why' } }, T0, 0.5);
    expect(outcome).toMatchObject({ kind: 'keep', item: { status: 'failed', error: { code, message: 'why' } } });
  });

  test('keeps retrying when the server is unavailable', () => {
    const outcome = afterAck(incident('a', T0), { ok: false, error: { code: 'unavailable', message: 'busy' } }, T0, 0);
    expect(outcome).toMatchObject({ kind: 'keep', item: { status: 'pending', attempts: 1, nextAttemptAt: T0 + BACKOFF.baseMs / 2 } });
  });
});

describe('backoff', () => {
  test('doubles per attempt and stops at the ceiling', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, 0.999999))).toEqual([2_000, 4_000, 8_000]);
    expect(backoffMs(40, 0.999999)).toBe(BACKOFF.maxMs);
  });

  test('a network error keeps the report pending and pushes it back', () => {
    const item = afterNetworkError(afterNetworkError(incident('a', T0), T0, 0), T0 + 1_000, 0);
    expect(item).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: T0 + 1_000 + 2_000 });
  });

  test('wakeAll makes every pending report due now, and nextDueAt finds the earliest', () => {
    const later = { ...incident('l', T0), nextAttemptAt: T0 + 60_000 };
    const failed = { ...incident('f', T0), status: 'failed' as const, nextAttemptAt: T0 + 60_000 };
    expect(wakeAll([later, failed], T0 + 5)).toEqual([{ ...later, nextAttemptAt: T0 + 5 }]);
    expect(nextDueAt([later, failed, { ...incident('m', T0), nextAttemptAt: T0 + 30 }], 't1')).toBe(T0 + 30);
    expect(nextDueAt([failed], 't1')).toBeNull();
  });
});
