import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { BasemapConfig } from '../config.js';
import { basemapClientConfig, resolveBasemap } from './resolveBasemap.js';

/** Options of {@link createBasemapRouter}. */
export interface BasemapRouterOptions {
  /** The shipped static data folder (config.staticDataDir, holding `basemap/`), or `data/basemap` itself. */
  dataDir: string;
  basemap: BasemapConfig;
}

function basemapDir(dataDir: string): string {
  for (const dir of [path.join(dataDir, 'basemap'), dataDir]) {
    if (fs.existsSync(path.join(dir, 'labels.geojson'))) return path.resolve(dir);
  }
  throw new Error(`Basemap data not found: no labels.geojson in ${dataDir}/basemap or ${dataDir} (pass config.staticDataDir; run npx tsx scripts/build-basemap.ts)`);
}

const sendOr404 = (res: express.Response, next: express.NextFunction) => (err?: Error) => {
  if (!err) return;
  if (res.headersSent) return; // client went away mid-stream; nothing left to answer
  next(err);
};

/**
 * Serves the basemap under the mount point (the app mounts it at `/basemap`):
 * `style.json`, `config.json`, `data/<file>.geojson` and, when configured, `tiles.pmtiles`.
 * Throws at startup on a bad BASEMAP_* setting, naming the variable and value.
 */
export function createBasemapRouter(opts: BasemapRouterOptions): express.Router {
  const dir = basemapDir(opts.dataDir);
  // A fixed whitelist: request paths never reach the filesystem, so `..%2f` and friends cannot either.
  const files = new Set(fs.readdirSync(dir).filter((f) => f.endsWith('.geojson')));
  const resolved = resolveBasemap(opts.basemap);
  const clientConfig = basemapClientConfig(opts.basemap, resolved);
  const router = express.Router();

  router.get('/style.json', (_req, res) => {
    if (resolved.kind === 'style-url') return res.redirect(302, resolved.url);
    // no-cache + ETag: revalidated on each load, so a restart with new settings shows at once.
    res.set('Cache-Control', 'no-cache').json(resolved.style);
  });

  router.get('/config.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(clientConfig);
  });

  router.get('/data/:file', (req, res, next) => {
    const file = req.params.file;
    if (!files.has(file)) return res.status(404).json({ error: `no basemap data file ${JSON.stringify(file)}` });
    res.sendFile(
      file,
      // `root` keeps send()'s dotfile check to the file name, so a checkout under a dot-folder still works.
      { root: dir, maxAge: '1h', headers: { 'Content-Type': 'application/geo+json' } },
      sendOr404(res, next),
    );
  });

  router.get('/tiles.pmtiles', (_req, res, next) => {
    if (resolved.kind !== 'pmtiles') return res.status(404).json({ error: 'no PMTiles basemap configured (BASEMAP_PMTILES)' });
    // send() answers Range requests itself: 206 with Content-Range, 416 when unsatisfiable.
    res.sendFile(
      path.basename(resolved.file),
      { root: path.dirname(path.resolve(resolved.file)), dotfiles: 'allow', maxAge: '1h', acceptRanges: true, headers: { 'Content-Type': 'application/vnd.pmtiles' } },
      sendOr404(res, next),
    );
  });

  return router;
}
