import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'vite';
import { launchChromium } from '../../e2e/browser.js';
import type { ClientBenchResult } from '../client/main.js';
import { CACHE_DIR, REPO } from '../paths.js';
import { loadAverage } from '../proc.js';
import { summarize, type RunSummary, type ScenarioSummary } from '../report/summary.js';
import { median } from '../stats.js';
import { loadWorld } from '../world.js';

/** Calls of MapLibre's GeoJSON `setData` in the client sources (comments aside): moving teams must never go through one. */
export function setDataCalls(dir = path.join(REPO, 'client')): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        fs.readFileSync(p, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const code = line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '');
            if (/\.setData\s*\(/.test(code) && !/^\s*\*/.test(line)) found.push(`${path.relative(REPO, p)}:${i + 1}`);
          });
      }
    }
  };
  walk(dir);
  return found;
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, ''));
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(dir, 'index.html');
    const type = target.endsWith('.js') ? 'text/javascript' : target.endsWith('.html') ? 'text/html' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(target).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Target 8: the wall's reducer in Debian Chromium. A Vite-built bench page (bench/client) applies a
 * 5,000-entity delta (500 teams, 200 checkpoints, 4,300 cells of the bench world) 30 times between
 * performance marks, on the main thread; plus a static check that no client code calls `setData`.
 */
export async function runClient(o: { quick: boolean; reps: number; log: (s: string) => void }): Promise<ScenarioSummary> {
  const started = Date.now();
  const outDir = path.join(CACHE_DIR, 'client');
  await build({ configFile: path.join(REPO, 'bench/client/vite.config.ts') });
  const server = await serve(outDir);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const worldJson = JSON.stringify(loadWorld().world);
  const calls = setDataCalls();
  const runs: RunSummary[] = [];
  const browser = await launchChromium();
  try {
    for (let rep = 1; rep <= o.reps; rep++) {
      const before = loadAverage();
      o.log(`client rep ${rep}/${o.reps} (load ${before[0]})`);
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 30_000 });
      const r = await page.evaluate(
        ([json, n]) => (window as unknown as { runBench: (j: string, n: number) => Promise<ClientBenchResult> }).runBench(json, n),
        [worldJson, o.quick ? 10 : 30] as const,
      );
      await page.close();
      const metrics = {
        applyDelta5kMs: median(r.applyDeltaMs),
        applyDelta5kMaxMs: Math.max(...r.applyDeltaMs),
        // The fastest run: what the reducer costs when nothing else wants the core (a loaded machine moves the median).
        applyDelta5kMinMs: Math.min(...r.applyDeltaMs),
        storeReceive5kMs: median(r.storeReceiveMs),
        parse5kMs: median(r.parseMs),
        deltaBytes: r.deltaBytes,
        teamsViaSetData: calls.length,
      };
      o.log(`  → applyDelta median ${metrics.applyDelta5kMs?.toFixed(2)} ms, min ${metrics.applyDelta5kMinMs.toFixed(2)} ms, max ${metrics.applyDelta5kMaxMs.toFixed(2)} ms; JSON.parse ${metrics.parse5kMs?.toFixed(2)} ms`);
      runs.push({ design: 'ours', rep, valid: true, metrics, loadAvgBefore: before, loadAvgAfter: loadAverage(), startedAt: Date.now(), errors: calls });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return summarize('client', runs, Date.now() - started);
}
