import { expect, test } from 'vitest';
import type { AuditEntry } from '../../../shared/auth.js';
import { filterAudit, formatAuditTime } from './audit.js';

function entry(over: Partial<AuditEntry>): AuditEntry {
  return { at: 0, source: 'access', actor: 'user:admin', action: 'sign-in', target: 'console', ok: true, ip: '127.0.0.1', detail: null, seq: null, ...over };
}

const entries = [
  entry({ action: 'token.issue', target: 'token:t1', detail: 'wall 指挥中心 1 号屏' }),
  entry({ action: 'token.revoke', target: 'token:t1' }),
  entry({ actor: 'user:mallory', ok: false, ip: '10.0.0.9' }),
  entry({ source: 'change', actor: 'team:T-001', action: 'incident:create', target: 'I-9', ip: null }),
];

test('matches every word anywhere in actor, action, target, ip or detail', () => {
  expect(filterAudit(entries, 'token revoke').map((e) => e.action)).toEqual(['token.revoke']);
  expect(filterAudit(entries, '指挥中心').map((e) => e.action)).toEqual(['token.issue']);
  expect(filterAudit(entries, '10.0.0').map((e) => e.actor)).toEqual(['user:mallory']);
  expect(filterAudit(entries, 'T-001 INCIDENT')).toHaveLength(1);
});

test('finds refused attempts by word', () => {
  expect(filterAudit(entries, 'refused').map((e) => e.actor)).toEqual(['user:mallory']);
});

test('keeps one source when asked: access (sign-ins, tokens, accounts) or changes', () => {
  expect(filterAudit(entries, '', 'change').map((e) => e.actor)).toEqual(['team:T-001']);
  expect(filterAudit(entries, 'token', 'access')).toHaveLength(2);
});

test('an empty filter keeps everything, in order', () => {
  expect(filterAudit(entries, '  ')).toEqual(entries);
});

test('formats times in Asia/Shanghai whatever the machine zone', () => {
  expect(formatAuditTime(Date.UTC(2020, 0, 23, 2, 0, 5))).toBe('2020-01-23 10:00:05');
  expect(formatAuditTime(Date.UTC(2020, 0, 23, 16, 30, 0))).toBe('2020-01-24 00:30:00');
});
