import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { TileType } from 'pmtiles';
import { writePmtilesFixture } from './pmtilesFixture.js';
import { startBasemapServer } from './testServer.js';

let dir: string;
let server: Awaited<ReturnType<typeof startBasemapServer>> | undefined;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmtiles-')); });
afterEach(async () => {
  await server?.close();
  server = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function styleFor(tileType: TileType, metadata: object = {}): Promise<StyleSpecification> {
  const file = path.join(dir, 'map.pmtiles');
  writePmtilesFixture(file, { tileType, metadata });
  server = await startBasemapServer({ pmtilesPath: file });
  return (await (await fetch(server.url('/basemap/style.json'))).json()) as StyleSpecification;
}

describe('PMTiles basemap', () => {
  test('styles a raster archive as one raster source on the pmtiles:// protocol', async () => {
    const style = await styleFor(TileType.Png, { attribution: '© Archive' });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources.basemap).toEqual({ type: 'raster', tileSize: 256, url: 'pmtiles:///basemap/tiles.pmtiles', attribution: '© Archive' });
    expect(style.layers.map((l) => l.type)).toEqual(['background', 'raster']);
  });

  test('gives a vector archive a generic fill/line layer per source layer, and no symbols', async () => {
    const style = await styleFor(TileType.Mvt, { vector_layers: [{ id: 'roads' }, { id: 'earth' }, { id: 'water' }, { id: 'pois' }] });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources.basemap).toMatchObject({ type: 'vector', url: 'pmtiles:///basemap/tiles.pmtiles' });
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('earth-fill')).toBeLessThan(ids.indexOf('water-fill'));
    expect(ids.indexOf('water-fill')).toBeLessThan(ids.indexOf('roads-line'));
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  test('serves byte ranges: 206 for a valid range, 416 past the end, 200 without Range', async () => {
    const file = path.join(dir, 'map.pmtiles');
    writePmtilesFixture(file, { tileType: TileType.Png, padBytes: 5000 });
    const size = fs.statSync(file).size;
    server = await startBasemapServer({ pmtilesPath: file });
    const url = server.url('/basemap/tiles.pmtiles');

    const head = await fetch(url, { headers: { Range: 'bytes=0-126' } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-126/${size}`);
    expect(Buffer.from(await head.arrayBuffer()).subarray(0, 7).toString()).toBe('PMTiles');

    const past = await fetch(url, { headers: { Range: `bytes=${size + 10}-${size + 20}` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);

    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect((await whole.arrayBuffer()).byteLength).toBe(size);
  });
});

describe('bad basemap configuration stops startup', () => {
  test('names a PMTiles path that does not exist', async () => {
    const missing = path.join(dir, 'nope.pmtiles');
    await expect(startBasemapServer({ pmtilesPath: missing })).rejects.toThrow(missing);
  });

  test('rejects a file that is not a PMTiles v3 archive', async () => {
    const file = path.join(dir, 'fake.pmtiles');
    fs.writeFileSync(file, 'x'.repeat(200));
    await expect(startBasemapServer({ pmtilesPath: file })).rejects.toThrow(/not a PMTiles v3 archive/);
  });

  test('rejects a vector archive without vector_layers', async () => {
    await expect(styleFor(TileType.Mvt, {})).rejects.toThrow(/without vector_layers/);
  });

  test.each([
    ['http://t.local/tiles.png', /needs \{z\}, \{x\} and \{y\}/],
    ['http://{s}.t.local/{z}/{x}/{y}.png', /\{s\}/],
    ['http://t.local/{z}/{x}/{y}.pbf', /BASEMAP_STYLE_URL/],
  ])('rejects BASEMAP_TILE_URL %s', async (tileUrl, message) => {
    await expect(startBasemapServer({ tileUrl })).rejects.toThrow(message);
  });

  test('rejects more than one basemap source', async () => {
    await expect(startBasemapServer({ tileUrl: 'http://t/{z}/{x}/{y}.png', styleUrl: 'http://t/style.json' })).rejects.toThrow(/only one of/);
  });
});
