import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { collectCspViolations, guardOffline, launchChromium } from './browser.js';
import { startServerProcess } from './serverProcess.js';

export type E2eServer = Awaited<ReturnType<typeof startServerProcess>>;

/** A guarded browser context: requests leaving localhost are blocked and listed, CSP violations collected. */
export interface Guarded {
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave this machine. */
  outside: string[];
  /** Uncaught page errors. */
  errors: string[];
  csp: () => Promise<string[]>;
}

/** Options of `openPage`. */
export interface OpenOptions extends BrowserContextOptions {
  /** Sign the context in as the run's admin first (through the API, not the form). @default true */
  signedIn?: boolean;
}

/**
 * One server and one Chromium per test file, started in `beforeAll` and stopped in `afterAll`;
 * contexts opened with `openPage` are closed after each test, so a failed test does not leave a
 * page rendering in the background and slowing the next one.
 */
export function e2eSuite(env: Record<string, string | undefined> = {}) {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServerProcess(env);
    browser = await launchChromium();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await keepEvidence(ctx.task.name, contexts);
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const ready = () => {
    if (!server || !browser) throw new Error('e2eSuite: used before beforeAll ran');
    return { server, browser };
  };

  return {
    get server(): E2eServer {
      return ready().server;
    },
    get browser(): Browser {
      return ready().browser;
    },
    /** A new guarded context and page (small viewport by default: software WebGL pays for every pixel). */
    async openPage({ signedIn = true, ...options }: OpenOptions = {}): Promise<Guarded> {
      const { server, browser } = ready();
      const context = await browser.newContext({ viewport: { width: 960, height: 540 }, ...options });
      contexts.push(context);
      const outside = await guardOffline(context);
      const csp = await collectCspViolations(context);
      if (signedIn) await signInContext(context, server);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      pageErrors.set(page, errors);
      return { context, page, outside, errors, csp };
    },
    /** A session cookie (`gc_session=…`) of the run's admin, for Node-side API calls and sockets. */
    adminCookie: () => adminCookie(ready().server),
  };
}

/** Signs a browser context in as the run's admin through the API; the cookie lands in the context. */
export async function signInContext(context: BrowserContext, server: E2eServer): Promise<void> {
  const res = await context.request.post(`${server.url}/api/auth/session`, { data: server.admin });
  if (!res.ok()) throw new Error(`admin sign-in failed: ${res.status()} ${await res.text()}`);
}

/** Signs in from Node and returns the `gc_session=…` cookie pair. */
export async function adminCookie(server: E2eServer): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(server.admin) });
  if (!res.ok) throw new Error(`admin sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gc_session='));
  if (!cookie) throw new Error('admin sign-in set no gc_session cookie');
  return cookie.split(';')[0]!;
}

/** fetch() against the server with a session cookie; JSON in and out. */
export async function api<T>(server: E2eServer, cookie: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { cookie, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Fills the sign-in form of /, /console or /admin as a person and waits for it to go. */
export async function signInThroughForm(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('signin-page').waitFor({ state: 'detached', timeout: 15_000 });
}

const pageErrors = new WeakMap<Page, string[]>();

/** A failed test's pages as screenshots and their text, in the temp folder (software WebGL fails slowly and rarely). */
async function keepEvidence(testName: string, contexts: BrowserContext[]): Promise<void> {
  const dir = path.join(os.tmpdir(), 'gc-e2e-failures');
  fs.mkdirSync(dir, { recursive: true });
  const slug = testName.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60);
  let n = 0;
  for (const context of contexts)
    for (const page of context.pages()) {
      const file = path.join(dir, `${slug}-${++n}`);
      await page.screenshot({ path: `${file}.png`, timeout: 10_000 }).catch(() => undefined);
      const text = await page.evaluate(() => document.body.innerText).catch((e: unknown) => String(e));
      fs.writeFileSync(`${file}.txt`, `${page.url()}\n\npage errors:\n${(pageErrors.get(page) ?? []).join('\n')}\n\n${text}`);
      console.warn(`e2e evidence: ${file}.png / .txt`);
    }
}
