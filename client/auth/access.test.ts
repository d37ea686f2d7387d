import { expect, test } from 'vitest';
import { ROLE_PERMISSIONS, type Me, type Role } from '../../shared/auth.js';
import { consoleTools, errorText, pageAccess } from './access.js';

function me(role: Role | 'anonymous'): Me {
  const kind = role === 'anonymous' ? 'anonymous' : role === 'wall' ? 'wall' : role === 'field' ? 'team' : role === 'tracker' ? 'tracker' : 'user';
  return { kind, role, id: role, displayName: role, permissions: [...ROLE_PERMISSIONS[role]], setupRequired: false };
}

test('nobody signed in is sent to sign in on every page', () => {
  for (const page of ['wall', 'console', 'admin'] as const) expect(pageAccess(me('anonymous'), page)).toBe('signIn');
});

test('a wall session opens the wall but not the console or admin', () => {
  expect(pageAccess(me('wall'), 'wall')).toBe('ok');
  expect(pageAccess(me('wall'), 'console')).toBe('denied');
  expect(pageAccess(me('wall'), 'admin')).toBe('denied');
});

test('people open the console; only an admin opens /admin', () => {
  for (const role of ['admin', 'commander', 'analyst'] as const) expect(pageAccess(me(role), 'console')).toBe('ok');
  expect(pageAccess(me('admin'), 'admin')).toBe('ok');
  expect(pageAccess(me('commander'), 'admin')).toBe('denied');
  expect(pageAccess(me('analyst'), 'admin')).toBe('denied');
});

test('field teams and trackers cannot open the live pages', () => {
  for (const role of ['field', 'tracker'] as const) {
    expect(pageAccess(me(role), 'wall')).toBe('denied');
    expect(pageAccess(me(role), 'console')).toBe('denied');
  }
});

test('grid import and the admin link only for the admin', () => {
  expect(consoleTools(me('admin'))).toEqual({ importGrid: true, admin: true });
  expect(consoleTools(me('commander'))).toEqual({ importGrid: false, admin: false });
  expect(consoleTools(me('analyst'))).toEqual({ importGrid: false, admin: false });
});

test('a 401 reads differently on each form', () => {
  const e = { status: 401, message: 'x', retryAfterS: null };
  expect(errorText(e, 'signIn').key).toBe('wrong');
  expect(errorText(e, 'setup').key).toBe('setupWrongCode');
  expect(errorText(e, 'wall').key).toBe('wallWrong');
});

test('too many attempts says how long to wait when the server does', () => {
  expect(errorText({ status: 429, message: '', retryAfterS: 30 }, 'signIn')).toEqual({ key: 'tooMany', vars: { n: 30 } });
  expect(errorText({ status: 429, message: '', retryAfterS: null }, 'signIn')).toEqual({ key: 'tooManyLater' });
});

test('no network and server errors read as offline; a 400 passes the server message on', () => {
  expect(errorText({ status: 0, message: 'Failed to fetch', retryAfterS: null }, 'wall').key).toBe('offline');
  expect(errorText({ status: 502, message: '', retryAfterS: null }, 'signIn').key).toBe('offline');
  expect(errorText({ status: 409, message: 'exists', retryAfterS: null }, 'setup').key).toBe('setupDone');
  expect(errorText({ status: 400, message: 'password: at least 10 characters', retryAfterS: null }, 'setup')).toEqual({ key: 'failed', vars: { message: 'password: at least 10 characters' } });
});
