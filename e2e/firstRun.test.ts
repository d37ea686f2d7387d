import { expect, test } from 'vitest';
import { e2eSuite } from './setup.js';

// No ADMIN_PASSWORD: the server prints a one-time setup code instead. Nothing needs to move.
const suite = e2eSuite({ ADMIN_PASSWORD: undefined, SIMULATOR: 'off' });

test('first start: the setup code from the server log creates the first admin, once', async () => {
  const code = /setup code: ([A-Za-z0-9_-]+)/.exec(suite.server.output())?.[1];
  expect(code).toBeDefined();
  const { page, outside, errors, csp } = await suite.openPage({ signedIn: false, viewport: { width: 1000, height: 700 } });
  await page.goto(`${suite.server.url}/admin`);
  await page.getByTestId('setup-code').fill('wrong-code-123');
  await page.getByTestId('setup-username').fill('chen.jing');
  await page.getByTestId('setup-name').fill('陈静');
  await page.getByTestId('setup-password').fill('a long enough password');
  await page.getByTestId('setup-repeat').fill('a long enough password');
  await page.getByTestId('setup-submit').click();
  await expect.poll(() => page.getByTestId('setup-error').textContent()).toBe('设置码错误');

  await page.getByTestId('setup-code').fill(code ?? '');
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('users-table').waitFor();
  expect(await page.getByTestId('user-name').textContent()).toBe('陈静');
  await expect.poll(() => page.getByTestId('user-chen.jing').textContent()).toMatch(/管理员/);

  // Spent: a second browser gets the sign-in form, not the setup.
  const other = await suite.openPage({ signedIn: false });
  await other.page.goto(`${suite.server.url}/console`);
  await other.page.getByTestId('login-username').waitFor();
  expect(await other.page.getByTestId('setup-code').count()).toBe(0);

  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  expect(await csp()).toEqual([]);
});
