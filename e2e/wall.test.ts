import { expect, test } from 'vitest';
import { e2eSuite, signInThroughForm } from './setup.js';

// A scenario day every 3 s, so case counts move within the test.
const suite = e2eSuite({ SCENARIO_SPEED: '28800', SCENARIO_START: '2020-01-25' });

const digits = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

test('the wall shows the live map of Wuhan, its KPIs move, and nothing leaves localhost', async () => {
  const { page, outside, errors, csp } = await suite.openPage();
  await page.goto(suite.server.url);

  await page.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });
  const confirmed = page.getByTestId('kpi-confirmed');
  await expect.poll(async () => digits(await confirmed.textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
  const first = digits(await confirmed.textContent());
  await expect.poll(async () => digits(await confirmed.textContent()), { timeout: 60_000, interval: 500 }).toBeGreaterThan(first);

  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  expect(await page.getByTestId('kpi-teams').textContent()).toMatch(/\d/);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  expect(await csp()).toEqual([]);
});

test('the wall speaks English when asked', async () => {
  const { page, outside } = await suite.openPage();
  await page.goto(`${suite.server.url}/?lang=en`);
  await page.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  await expect.poll(() => page.locator('body').textContent(), { timeout: 30_000 }).toMatch(/Confirmed/);
  expect(outside).toEqual([]);
});

test('a wall nobody signed in asks for a wall code or a person, and no picture is sent before', async () => {
  const { page, outside, errors, csp } = await suite.openPage({ signedIn: false });
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(suite.server.url);
  await page.getByTestId('wall-code').waitFor();
  expect(await page.getByTestId('signin-page').textContent()).toMatch(/用大屏授权码登录本屏幕/);
  expect(await page.locator('canvas').count()).toBe(0);
  expect(sockets).toEqual([]);

  await page.getByTestId('wall-code').fill('not-a-real-wall-code-at-all');
  await page.getByTestId('wall-code-submit').click();
  await expect.poll(() => page.getByTestId('wall-code-error').textContent()).toMatch(/授权码无效或已被撤销/);

  await signInThroughForm(page, suite.server.admin);
  await page.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });
  await expect.poll(async () => digits(await page.getByTestId('kpi-confirmed').textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  expect(await csp()).toEqual([]);
});

test('a wall link with a bad token says so, and the token leaves the address bar at once', async () => {
  const { page } = await suite.openPage({ signedIn: false });
  await page.goto(`${suite.server.url}/?lang=en#wall-token=this-token-was-never-issued-by-anyone`);
  await page.getByTestId('bad-wall-link').waitFor();
  expect(await page.getByTestId('bad-wall-link').textContent()).toMatch(/invalid or was revoked/);
  expect(new URL(page.url()).hash).toBe('');
  expect(new URL(page.url()).search).toBe('?lang=en');
});
