import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { TileType } from 'pmtiles';
import { startBasemapServer } from '../../../server/basemap/testServer.js';
import { writePmtilesFixture } from '../../../server/basemap/pmtilesFixture.js';
import { fetchBasemap } from './fetchBasemap.js';
import { fetchLabels } from './labels.js';

let server: Awaited<ReturnType<typeof startBasemapServer>> | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

const registerNothing = () => Promise.reject(new Error('the offline basemap must not load the pmtiles protocol'));

describe('fetchBasemap against the real router', () => {
  test('returns the offline style with absolute same-origin URLs and the client config', async () => {
    server = await startBasemapServer();
    const { style, config } = await fetchBasemap({ baseUrl: server.url('/wall'), registerPmtiles: registerNothing });
    for (const source of Object.values(style.sources)) {
      expect(source).toMatchObject({ type: 'geojson', data: expect.stringMatching(new RegExp(`^${server.url('/basemap/data/')}`)) });
    }
    expect(config).toMatchObject({ crs: 'wgs84', custom: false, labelsUrl: '/basemap/data/labels.geojson' });
  });

  test('registers the pmtiles protocol when the configured basemap is a PMTiles file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmtiles-'));
    const file = path.join(dir, 'map.pmtiles');
    writePmtilesFixture(file, { tileType: TileType.Webp });
    server = await startBasemapServer({ pmtilesPath: file });
    let registered = 0;
    const { style } = await fetchBasemap({ baseUrl: server.url('/'), registerPmtiles: async () => { registered++; } });
    expect(registered).toBe(1);
    expect(style.sources.basemap).toMatchObject({ url: `pmtiles://${server.url('/basemap/tiles.pmtiles')}` });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('loads the shipped labels, including all 13 districts', async () => {
    server = await startBasemapServer();
    const labels = await fetchLabels(server.url('/basemap/data/labels.geojson'));
    expect(labels.filter((l) => l.properties.kind === 'district')).toHaveLength(13);
  });
});
