import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { collectCspViolations, guardOffline, launchChromium } from './browser.js';
import { startServerProcess } from './serverProcess.js';

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;

beforeAll(async () => {
  // A scenario day every 3 s, so case counts move within the test.
  server = await startServerProcess({ SCENARIO_SPEED: '28800', SCENARIO_START: '2020-01-25' });
  browser = await launchChromium();
});
// A failed test must not leave its page rendering in the background and slow the next one.
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const digits = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

test('the wall shows the live map of Wuhan, its KPIs move, and nothing leaves localhost', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
  contexts.push(context);
  const outside = await guardOffline(context);
  const cspViolations = await collectCspViolations(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);

  await page.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });
  const confirmed = page.getByTestId('kpi-confirmed');
  await expect.poll(async () => digits(await confirmed.textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
  const first = digits(await confirmed.textContent());
  await expect.poll(async () => digits(await confirmed.textContent()), { timeout: 60_000, interval: 500 }).toBeGreaterThan(first);

  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  expect(await page.getByTestId('kpi-teams').textContent()).toMatch(/\d/);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  expect(await cspViolations()).toEqual([]);
});

test('the wall speaks English when asked', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
  contexts.push(context);
  const outside = await guardOffline(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/?lang=en`);
  await page.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  await expect.poll(() => page.locator('body').textContent(), { timeout: 30_000 }).toMatch(/Confirmed/);
  expect(outside).toEqual([]);
});
