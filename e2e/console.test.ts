import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { IssuedToken } from '../shared/auth.js';
import { api, e2eSuite } from './setup.js';

// A scenario day every 3 s, so counts move and the log has a past within seconds.
const suite = e2eSuite({ SCENARIO_SPEED: '28800', SCENARIO_START: '2020-01-25' });

/** A guarded page on /console, signed in as the admin, at a small viewport. */
async function openConsole() {
  const opened = await suite.openPage({ viewport: { width: 1100, height: 700 } });
  await opened.page.goto(`${suite.server.url}/console`);
  await opened.page.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });
  return opened;
}

const valueOf = async (page: Page, id: string) => Number((await page.getByTestId(id).getAttribute('data-value')) || NaN);

/** Moves the range input as a user's drag would: sets the value and fires input/change. */
async function setSlider(page: Page, fraction: number): Promise<void> {
  await page.getByTestId('time-slider').evaluate((el, f) => {
    const input = el as HTMLInputElement;
    const v = Math.round(Number(input.min) + (Number(input.max) - Number(input.min)) * f);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, fraction);
}

test('travels back in time: not-live banner and a smaller past KPI, then one click back to live', async () => {
  const { page, outside, csp, errors } = await openConsole();
  await expect.poll(() => valueOf(page, 'kpi-confirmed'), { timeout: 60_000 }).toBeGreaterThan(0);
  // Let the log grow a past worth going back to (a few scenario days).
  await expect.poll(() => page.getByTestId('time-slider').isEnabled(), { timeout: 30_000 }).toBe(true);
  await page.waitForTimeout(6_000);
  const live = await valueOf(page, 'kpi-confirmed');
  expect(await page.getByTestId('replay-banner').count()).toBe(0);

  await setSlider(page, 0.02);
  await expect(page.getByTestId('replay-banner').textContent()).resolves.toMatch(/历史回放 · 非实时/);
  await expect.poll(() => valueOf(page, 'kpi-confirmed'), { timeout: 30_000 }).toBeLessThan(live);
  const past = await valueOf(page, 'kpi-confirmed');
  expect(past).toBeGreaterThanOrEqual(0);

  await page.getByTestId('back-to-live').click();
  await expect.poll(() => page.getByTestId('replay-banner').count()).toBe(0);
  await expect.poll(() => valueOf(page, 'kpi-confirmed'), { timeout: 30_000 }).toBeGreaterThanOrEqual(live);

  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  expect(await csp()).toEqual([]);
}, 180_000); // Software WebGL on a shared, loaded machine: a minute is typical, allow three.

test('search finds a team by name and opens its details; the header shows who is signed in', async () => {
  const { page, outside, csp, errors } = await openConsole();
  await expect.poll(() => valueOf(page, 'kpi-teams'), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(await page.getByTestId('user-name').textContent()).toBe(suite.server.admin.username);
  expect(await page.getByTestId('user-role').textContent()).toBe('管理员');
  expect(await page.getByTestId('admin-link').count()).toBe(1);
  expect(await page.getByRole('button', { name: '导入网格' }).count()).toBe(1);
  const name = await page.evaluate(async () => {
    const res = await fetch('/api/v1/teams?kind=medical');
    const body = (await res.json()) as { items: { name: string }[] };
    return body.items[0]?.name ?? '';
  });
  expect(name).not.toBe('');
  await page.getByTestId('search').fill(name);
  await page.getByTestId('search-results').getByRole('option').first().click();
  await expect.poll(() => page.getByTestId('details-title').textContent()).toBe(name);
  await expect.poll(() => page.getByTestId('entity-events').locator('li').count(), { timeout: 30_000 }).toBeGreaterThan(0);

  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  expect(await csp()).toEqual([]);
});

test('a wall session opening /console is told plainly that this account cannot use it', async () => {
  const cookie = await suite.adminCookie();
  const issued = await api<IssuedToken>(suite.server, cookie, '/api/admin/tokens', { body: { kind: 'wall', label: 'e2e wall' } });
  expect(issued.status).toBe(201);
  const { context, page, errors } = await suite.openPage({ signedIn: false });
  const wall = await context.request.post(`${suite.server.url}/api/auth/wall`, { data: { token: issued.body.token } });
  expect(wall.status()).toBe(200);
  await page.goto(`${suite.server.url}/console`);
  await page.getByTestId('access-denied').waitFor();
  expect(await page.getByTestId('access-denied').textContent()).toMatch(/此账号不能使用指挥调度台/);
  expect(await page.locator('canvas').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('an analyst reads the console but is offered neither grid import nor account administration', async () => {
  const cookie = await suite.adminCookie();
  const analyst = { username: `analyst-${Date.now()}`, password: 'analyst password 123' };
  const created = await api(suite.server, cookie, '/api/admin/users', { body: { ...analyst, displayName: '李分析', role: 'analyst' } });
  expect(created.status).toBe(201);
  const { context, page, errors } = await suite.openPage({ signedIn: false, viewport: { width: 1100, height: 700 } });
  expect((await context.request.post(`${suite.server.url}/api/auth/session`, { data: analyst })).status()).toBe(200);
  await page.goto(`${suite.server.url}/console`);
  await expect.poll(() => page.getByTestId('user-role').textContent(), { timeout: 30_000 }).toBe('分析员');
  expect(await page.getByTestId('user-name').textContent()).toBe('李分析');
  expect(await page.locator('summary', { hasText: '导出' }).count()).toBe(1);
  expect(await page.getByRole('button', { name: '导入网格' }).count()).toBe(0);
  expect(await page.getByTestId('admin-link').count()).toBe(0);
  expect(errors).toEqual([]);
});
