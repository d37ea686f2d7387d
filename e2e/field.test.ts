import path from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { Snapshot } from '../shared/protocol.js';
import { openSnapshot, type PackedSnapshot, type WireSnapshot } from '../shared/catalog.js';
import { openSqliteStore } from '../server/store/sqliteStore.js';
import { api, e2eSuite } from './setup.js';

// The demo scenario is seeded, but nothing moves the teams: every fix on the wall comes from this phone.
const suite = e2eSuite({ SIMULATOR: 'off' });

async function snapshot(cookie: string): Promise<Snapshot> {
  return (await api<Snapshot>(suite.server, cookie, '/api/snapshot')).body;
}

const pending = async (page: Page) => Number(await page.getByTestId('outbox-pending').getAttribute('data-count'));

/** Reads the phone's outbox straight from IndexedDB (what survives a reload). */
function queuedReports(page: Page): Promise<{ reportId: string; name: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('gridcommand-field');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => resolve((req.result as { reportId: string; name: string }[]).map(({ reportId, name }) => ({ reportId, name })));
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function fileIncident(page: Page, n: number) {
  await page.getByTestId('tab-incident').click();
  await page.getByTestId('incident-note').fill(`冲岗 #${n}`);
  await page.getByTestId('report-submit').click();
}

async function fileTally(page: Page, checkpointId: string, n: number) {
  await page.getByTestId('tab-tally').click();
  await page.getByTestId('tally-checkpoint').fill(checkpointId);
  await page.getByTestId('tally-inboundPersons').fill(String(n));
  await page.getByTestId('tally-refused').fill('1');
  await page.getByTestId('report-submit').click();
}

test('reports filed offline survive a reload and arrive exactly once; the wall sees the newest position', async () => {
  const admin = await suite.adminCookie();
  const before = await snapshot(admin);
  const team = Object.values(before.state.teams).find((t) => t.kind === 'disinfection');
  const checkpointId = Object.keys(before.state.checkpoints)[0];
  if (!team || !checkpointId) throw new Error('the demo scenario has no disinfection team or checkpoint');
  // The admin issues the team's code as an admin would (the console's /admin page calls the same route).
  const issued = await api<{ code: string }>(suite.server, admin, `/api/admin/teams/${encodeURIComponent(team.id)}/code`, { body: {} });
  expect(issued.status).toBe(201);
  const code = issued.body.code;

  const { context, page, outside, errors } = await suite.openPage({
    signedIn: false,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    permissions: ['geolocation'],
    geolocation: { latitude: 30.58, longitude: 114.29, accuracy: 10 },
  });

  await page.goto(`${suite.server.url}/field`);
  await page.getByTestId('signin-code').fill(code);
  await page.getByTestId('signin-submit').click();
  await expect.poll(() => page.getByTestId('team-name').textContent()).toBe(team.name);
  await page.getByTestId('offline-ready').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // On duty while online: the status change and the first fix go straight through.
  await page.getByTestId('duty-toggle').click();
  await expect.poll(() => pending(page), { timeout: 15_000 }).toBe(0);

  await context.setOffline(true);
  await expect.poll(() => page.getByTestId('link-status').getAttribute('class'), { timeout: 15_000 }).toContain('is-offline');
  const route: [number, number][] = [];
  for (let n = 0; n < 20; n++) {
    if (n % 5 === 4) {
      const fix: [number, number] = [114.29 + (n + 1) * 0.002, 30.58 + (n + 1) * 0.001]; // ~200 m hops: reported at once
      route.push(fix);
      await context.setGeolocation({ longitude: fix[0], latitude: fix[1], accuracy: 8 });
    }
    const count = await pending(page);
    if (n % 2 === 0) await fileIncident(page, n);
    else await fileTally(page, checkpointId, n);
    await expect.poll(() => pending(page)).toBeGreaterThan(count);
  }
  const filed = (await queuedReports(page)).filter((r) => r.name === 'incident:create' || r.name === 'checkpoint:tally');
  expect(filed).toHaveLength(20);

  // The page comes back from the service worker, and so does the outbox (from IndexedDB).
  await page.reload();
  await page.getByTestId('team-card').waitFor();
  expect(await page.getByText(/离线：显示上次同步的信息/).count()).toBe(1);
  expect(await pending(page)).toBeGreaterThanOrEqual(20 + route.length);
  const newest: [number, number] = [114.35, 30.61];
  await context.setGeolocation({ longitude: newest[0], latitude: newest[1], accuracy: 5 });
  await expect.poll(async () => (await queuedReports(page)).some((r) => r.name === 'position:report')).toBe(true);

  await context.setOffline(false);
  await expect.poll(() => pending(page), { timeout: 30_000, interval: 250 }).toBe(0);

  // Exactly once, from this team, in the durable log.
  const store = openSqliteStore(path.join(suite.server.dataDir, 'gridcommand.sqlite'));
  const seen = new Map<string, number>();
  const types: string[] = [];
  for await (const e of store.readEvents(0)) {
    if (e.actor !== `team:${team.id}` || !e.reportId) continue;
    seen.set(e.reportId, (seen.get(e.reportId) ?? 0) + 1);
    types.push(e.type);
  }
  await store.close();
  for (const r of filed) expect(seen.get(r.reportId), r.name).toBe(1);
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  expect(types.filter((t) => t === 'incident:create' || t === 'checkpoint:tally')).toHaveLength(20);
  expect(types.filter((t) => t === 'position:report').length).toBeGreaterThanOrEqual(route.length + 2);

  // A live client (the admin's session) sees the newest fix, not one of the backfilled ones.
  const wall = io(suite.server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: admin } });
  const picture = await new Promise<WireSnapshot>((resolve, reject) => {
    wall.once('state:snapshot', (packed: PackedSnapshot) => resolve(openSnapshot(packed)));
    wall.once('connect_error', reject);
  });
  wall.disconnect();
  const position = picture.state.teams[team.id]?.position;
  expect(position?.[0]).toBeCloseTo(newest[0], 6);
  expect(position?.[1]).toBeCloseTo(newest[1], 6);

  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
