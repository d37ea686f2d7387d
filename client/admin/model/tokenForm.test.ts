import { expect, test } from 'vitest';
import { tokenRequest } from './tokenForm.js';

const form = { label: '  指挥中心 1 号屏 ', teamId: ' T-001 ', role: 'analyst' as const };

test('a wall token carries neither a team nor a role', () => {
  expect(tokenRequest({ ...form, kind: 'wall' })).toEqual({ kind: 'wall', label: '指挥中心 1 号屏' });
});

test('a device token names its team', () => {
  expect(tokenRequest({ ...form, kind: 'device' })).toEqual({ kind: 'device', label: '指挥中心 1 号屏', teamId: 'T-001' });
});

test('a service token names its role', () => {
  expect(tokenRequest({ ...form, kind: 'service' })).toEqual({ kind: 'service', label: '指挥中心 1 号屏', role: 'analyst' });
});
