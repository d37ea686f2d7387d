import { expect, test } from 'vitest';
import { e2eSuite, signInThroughForm } from './setup.js';

const suite = e2eSuite({ SCENARIO_SPEED: '28800', SCENARIO_START: '2020-01-25' });

const digits = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

test('an admin issues a wall link in /admin; the wall it opens goes live, and shows it was signed out within seconds of the revocation', async () => {
  const admin = await suite.openPage({ signedIn: false, viewport: { width: 1100, height: 700 } });
  await admin.page.goto(`${suite.server.url}/admin`);
  await signInThroughForm(admin.page, suite.server.admin);
  expect(await admin.page.getByTestId('user-name').textContent()).toBe(suite.server.admin.username);

  const label = `指挥中心 1 号屏 ${Date.now()}`;
  await admin.page.getByTestId('tab-tokens').click();
  await admin.page.getByTestId('token-label').fill(label);
  await admin.page.getByTestId('token-issue').click();
  const link = await admin.page.getByTestId('issued-wall-link').inputValue();
  expect(link).toMatch(new RegExp(`^${suite.server.url}/#wall-token=[^&]{20,}$`));
  await admin.page.getByTestId('secret-close').click();
  expect(await admin.page.getByTestId('secret-once').count()).toBe(0); // shown once, gone for good

  // The wall: another browser, nobody signed in, opened on the link.
  const wall = await suite.openPage({ signedIn: false });
  await wall.page.goto(link);
  await wall.page.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });
  expect(new URL(wall.page.url()).hash).toBe('');
  await expect.poll(async () => digits(await wall.page.getByTestId('kpi-confirmed').textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect.poll(() => wall.page.getByTestId('live-indicator').getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
  // Signed in for good by an httpOnly cookie the page's scripts cannot read.
  const session = (await wall.context.cookies()).find((c) => c.name === 'gc_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(await wall.page.evaluate(() => document.cookie)).not.toContain('gc_session');
  expect(await (await wall.context.request.get(`${suite.server.url}/api/auth/me`)).json()).toMatchObject({ kind: 'wall', role: 'wall' });

  const row = admin.page.getByTestId('tokens-table').locator('tr', { hasText: label });
  await row.getByTestId('token-revoke').click();
  await row.getByTestId('token-revoke-confirm').click();
  const revokedAt = Date.now();
  // The server cuts the socket at once (server/http/auth.test.ts); the page may take longer to show it
  // when software WebGL under CI load holds its main thread for seconds (10 s was missed once).
  await wall.page.getByTestId('signed-out-revoked').waitFor({ timeout: 30_000 });
  expect(Date.now() - revokedAt).toBeLessThan(30_000);
  expect(await wall.page.getByTestId('signed-out-revoked').textContent()).toMatch(/本屏幕已退出登录/);
  expect(await wall.page.locator('canvas').count()).toBe(0);
  await expect.poll(() => row.textContent()).toMatch(/已撤销/);

  // The audit log lists both, newest first.
  await admin.page.getByTestId('tab-audit').click();
  await admin.page.getByTestId('audit-filter').fill('token');
  await expect.poll(() => admin.page.getByTestId('audit-table').locator('tbody tr').allTextContents(), { timeout: 15_000 }).toEqual(
    expect.arrayContaining([expect.stringMatching(/token\.revoke/), expect.stringMatching(/token\.issue/)]),
  );

  for (const g of [admin, wall]) {
    expect(g.outside).toEqual([]);
    expect(g.errors).toEqual([]);
    expect(await g.csp()).toEqual([]);
  }
}, 180_000);

test('signing out of /admin ends the session: a reload asks to sign in again', async () => {
  const { page } = await suite.openPage({ viewport: { width: 1100, height: 700 } });
  await page.goto(`${suite.server.url}/admin#audit`);
  await page.getByTestId('audit-table').waitFor();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('signin-page').waitFor();
  await page.reload();
  await page.getByTestId('login-username').waitFor();
});
