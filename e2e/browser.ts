import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, headless, WebGL through SwiftShader, no background traffic to Google. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Blocks and records every request that would leave this machine. */
export async function guardOffline(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL.has(url.hostname)) return route.continue();
    outside.push(url.href);
    return route.abort('blockedbyclient');
  });
  return outside;
}

/** Collects Content-Security-Policy violations on every page of the context. */
export async function collectCspViolations(context: BrowserContext): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => {
    const all: string[] = [];
    for (const page of context.pages()) all.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
    return all;
  };
}
