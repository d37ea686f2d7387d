import { expect, test } from 'vitest';
import { api, e2eSuite } from './setup.js';

// Nothing moves: the incident stays where it was put, and the machine stays quiet for WebGL.
const suite = e2eSuite({ SIMULATOR: 'off' });

const NOTE = '<img src=x onerror="window.__xss=1">';

test('an incident note with markup shows as literal text in the console and never runs', async () => {
  const cookie = await suite.adminCookie();
  const incidentId = `xss-${Date.now()}`;
  const ack = await api<{ ok: boolean }>(suite.server, cookie, '/api/commands/incident:create', {
    body: { reportId: `xss-report-${Date.now()}`, recordedAt: Date.now(), incidentId, kind: 'other', severity: 'high', position: [114.3, 30.59], note: NOTE },
  });
  expect(ack).toEqual({ status: 200, body: expect.objectContaining({ ok: true }) });

  const { page, outside, errors, csp } = await suite.openPage({ viewport: { width: 1100, height: 700 } });
  // Every <img> the page ever creates is recorded, even one added and removed at once.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __imgs: string[] }).__imgs = []);
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          for (const img of [n, ...n.querySelectorAll('img')]) if (img.tagName === 'IMG') seen.push(img.getAttribute('src') ?? '');
        }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${suite.server.url}/console`);
  await page.waitForSelector('canvas.maplibregl-canvas', { timeout: 60_000 });

  // Where the note shows: the search results, then the side panel's details.
  await page.getByTestId('search').fill('<img src=x');
  const option = page.getByTestId('search-results').getByRole('option').first();
  await expect.poll(() => option.textContent(), { timeout: 30_000 }).toContain(NOTE);
  await option.click();
  await expect.poll(() => page.getByTestId('details').textContent(), { timeout: 30_000 }).toContain(NOTE);
  expect(await page.getByTestId('details').getByText(NOTE, { exact: true }).isVisible()).toBe(true);
  await expect.poll(() => page.getByTestId('entity-events').locator('li').count(), { timeout: 30_000 }).toBeGreaterThan(0);

  // The map's hover tooltip (deck.gl) names the incident by its note too: show the layer and point at it.
  await page.getByRole('checkbox', { name: '事件' }).check();
  const box = await page.locator('.c-map').boundingBox();
  if (!box) throw new Error('no map');
  await expect
    .poll(
      async () => {
        await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        return (await page.locator('.map-tooltip').textContent().catch(() => null)) ?? '';
      },
      { timeout: 30_000, interval: 500 },
    )
    .toContain(NOTE);

  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __imgs: string[] }).__imgs.filter((src) => src === 'x'))).toEqual([]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  expect(await csp()).toEqual([]);
}, 180_000);
