import { afterEach, describe, expect, test } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { startBasemapServer } from './testServer.js';

let server: Awaited<ReturnType<typeof startBasemapServer>> | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

async function getJson<T>(p: string): Promise<T> {
  const res = await fetch(server!.url(p));
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('offline basemap (no BASEMAP_* set)', () => {
  test('serves a valid label-free style: no glyphs, no sprite, no symbol layers', async () => {
    server = await startBasemapServer();
    const style = await getJson<StyleSpecification>('/basemap/style.json');
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.filter((l) => l.type === 'symbol')).toEqual([]);
  });

  test('points every source at a data file the router serves', async () => {
    server = await startBasemapServer();
    const style = await getJson<StyleSpecification>('/basemap/style.json');
    const urls = Object.values(style.sources).map((s) => (s.type === 'geojson' ? s.data : null));
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) {
      expect(url).toMatch(/^\/basemap\/data\/[a-z-]+\.geojson$/);
      expect((await fetch(server.url(url as string))).status).toBe(200);
    }
  });

  test('tells the client the datum, credits and labels', async () => {
    server = await startBasemapServer({ crs: 'gcj02' });
    const config = await getJson<Record<string, unknown>>('/basemap/config.json');
    expect(config).toEqual({
      crs: 'wgs84', // our own data is WGS-84 whatever BASEMAP_CRS says
      attribution: ['© OpenStreetMap contributors', 'Natural Earth', '病例数据：武汉市卫生健康委员会 / canghailan/Wuhan-2019-nCoV (MIT)'],
      labelsUrl: '/basemap/data/labels.geojson',
      custom: false,
    });
  });
});

describe('data files', () => {
  test('are served as GeoJSON with caching headers and revalidate to 304', async () => {
    server = await startBasemapServer();
    const res = await fetch(server.url('/basemap/data/labels.geojson'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.headers.get('cache-control')).toContain('max-age=3600');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch() would add Cache-Control: no-cache to a conditional request, so send it raw.
    expect(await server.rawGet('/basemap/data/labels.geojson', { 'If-None-Match': etag! })).toBe(304);
  });

  test.each([
    '/basemap/data/..%2f..%2fserver%2fconfig.ts',
    '/basemap/data/..%2fsources%2fne-hubei%2fSOURCE.md',
    '/basemap/data/%2e%2e%2f%2e%2e%2fpackage.json',
    '/basemap/data/..%5c..%5cpackage.json',
    '/basemap/data/ATTRIBUTION.md',
    '/basemap/data/nope.geojson',
  ])('answers 404 for %s, which is not on the whitelist', async (p) => {
    server = await startBasemapServer();
    expect(await server.rawGet(p)).toBe(404);
  });
});

describe('configured basemaps', () => {
  test('redirects style.json to BASEMAP_STYLE_URL and reports a custom basemap', async () => {
    server = await startBasemapServer({ styleUrl: 'http://tiles.local/style.json', crs: 'gcj02', attribution: '© AutoNavi' });
    const res = await fetch(server.url('/basemap/style.json'), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://tiles.local/style.json');
    const config = await getJson<{ crs: string; custom: boolean; attribution: string[] }>('/basemap/config.json');
    expect(config).toMatchObject({ crs: 'gcj02', custom: true });
    expect(config.attribution.at(-1)).toBe('© AutoNavi');
  });

  test('wraps BASEMAP_TILE_URL in one 256 px raster source with the attribution', async () => {
    server = await startBasemapServer({ tileUrl: 'http://tiles.local/{z}/{x}/{y}.png', attribution: '© Tiles' });
    const style = await getJson<StyleSpecification>('/basemap/style.json');
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources).toEqual({
      basemap: { type: 'raster', tiles: ['http://tiles.local/{z}/{x}/{y}.png'], tileSize: 256, attribution: '© Tiles' },
    });
  });

  test('404s tiles.pmtiles when no PMTiles file is configured', async () => {
    server = await startBasemapServer();
    expect((await fetch(server.url('/basemap/tiles.pmtiles'))).status).toBe(404);
  });
});
