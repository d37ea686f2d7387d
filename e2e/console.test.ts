import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectCspViolations, guardOffline, launchChromium } from './browser.js';
import { startServerProcess } from './serverProcess.js';

let server: Awaited<ReturnType<typeof startServerProcess>>;
let browser: Browser;

beforeAll(async () => {
  // A scenario day every 3 s, so counts move and the log has a past within seconds.
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

/** A guarded page on /console at a small viewport (software WebGL pays for every pixel). */
async function openConsole(): Promise<{ page: Page; outside: string[]; csp: () => Promise<string[]>; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
  contexts.push(context);
  const outside = await guardOffline(context);
  const csp = await collectCspViolations(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/console`);
  await page.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });
  return { page, outside, csp, errors };
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

test('search finds a team by name and opens its details', async () => {
  const { page, outside, csp, errors } = await openConsole();
  await expect.poll(() => valueOf(page, 'kpi-teams'), { timeout: 60_000 }).toBeGreaterThan(0);
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
