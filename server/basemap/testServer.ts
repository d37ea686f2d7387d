import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { BasemapConfig } from '../config.js';
import { createBasemapRouter } from './router.js';

/** The repo's shipped data folder (holds data/basemap). */
export const STATIC_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

/** Test helper: an express app with only the basemap router, listening on a free port. */
export async function startBasemapServer(basemap: Partial<BasemapConfig> = {}) {
  const app = express();
  app.use('/basemap', createBasemapRouter({ dataDir: STATIC_DATA_DIR, basemap: { crs: 'wgs84', ...basemap } }));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: (p: string) => `http://127.0.0.1:${port}${p}`,
    /** GET with the path sent byte-for-byte (fetch would normalise `..` and `%2e%2e`). */
    rawGet: (rawPath: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, path: rawPath, headers }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // fetch keeps sockets alive; don't wait out the keep-alive timeout
      }),
  };
}
