import { describe, expect, test } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import { absolutizeStyle, resolveUrl, usesPmtiles } from './absolutize.js';

const BASE = 'http://wall.local:8080/basemap/style.json';

function createStyle(sources: StyleSpecification['sources']): StyleSpecification {
  return { version: 8, sources, layers: [] };
}

describe('resolveUrl', () => {
  test.each([
    ['/basemap/data/roads.geojson', 'http://wall.local:8080/basemap/data/roads.geojson'],
    ['tiles/{z}/{x}/{y}.png', 'http://wall.local:8080/basemap/tiles/{z}/{x}/{y}.png'],
    ['pmtiles:///basemap/tiles.pmtiles', 'pmtiles://http://wall.local:8080/basemap/tiles.pmtiles'],
    ['https://t.example/{z}/{x}/{y}.png', 'https://t.example/{z}/{x}/{y}.png'],
    ['pmtiles://https://t.example/a.pmtiles', 'pmtiles://https://t.example/a.pmtiles'],
    ['data:application/json,{}', 'data:application/json,{}'],
  ])('%s → %s', (url, expected) => {
    expect(resolveUrl(url, BASE)).toBe(expected);
  });
});

describe('absolutizeStyle', () => {
  test('resolves GeoJSON data, tile templates and source URLs, leaving inline data alone', () => {
    const inline: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
    const style = absolutizeStyle(createStyle({
      a: { type: 'geojson', data: '/basemap/data/a.geojson' },
      b: { type: 'geojson', data: inline },
      c: { type: 'raster', tiles: ['/t/{z}/{x}/{y}.png'], tileSize: 256 },
      d: { type: 'vector', url: 'pmtiles:///basemap/tiles.pmtiles' },
    }), BASE);
    expect(style.sources).toEqual({
      a: { type: 'geojson', data: 'http://wall.local:8080/basemap/data/a.geojson' },
      b: { type: 'geojson', data: inline },
      c: { type: 'raster', tiles: ['http://wall.local:8080/t/{z}/{x}/{y}.png'], tileSize: 256 },
      d: { type: 'vector', url: 'pmtiles://http://wall.local:8080/basemap/tiles.pmtiles' },
    });
  });

  test('resolves glyphs and sprite of a user style against the style URL', () => {
    const style = absolutizeStyle({ ...createStyle({}), glyphs: 'fonts/{fontstack}/{range}.pbf', sprite: 'sprites/dark' }, 'http://tiles.lan/styles/dark.json');
    expect(style.glyphs).toBe('http://tiles.lan/styles/fonts/{fontstack}/{range}.pbf');
    expect(style.sprite).toBe('http://tiles.lan/styles/sprites/dark');
  });
});

test('usesPmtiles spots a pmtiles:// source and ignores others', () => {
  expect(usesPmtiles(createStyle({ m: { type: 'raster', url: 'pmtiles://http://h/x.pmtiles' } }))).toBe(true);
  expect(usesPmtiles(createStyle({ m: { type: 'geojson', data: 'http://h/x.geojson' } }))).toBe(false);
});
