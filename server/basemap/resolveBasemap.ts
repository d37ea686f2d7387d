import type { StyleSpecification } from 'maplibre-gl';
import type { BasemapConfig } from '../config.js';
import type { BasemapClientConfig } from '../../shared/basemap.js';
import { offlineStyle } from './offlineStyle.js';
import { pmtilesStyle, rasterTileStyle } from './customStyles.js';
import { readPmtilesSummary } from './pmtiles.js';

/** Credits shown on every map: the shipped basemap and labels, and the case data. */
export const BASE_ATTRIBUTION = [
  '© OpenStreetMap contributors',
  'Natural Earth',
  '病例数据：武汉市卫生健康委员会 / canghailan/Wuhan-2019-nCoV (MIT)',
] as const;

/** The basemap the router serves, decided once at startup. */
export type ResolvedBasemap =
  | { kind: 'offline'; style: StyleSpecification }
  | { kind: 'style-url'; url: string }
  | { kind: 'tiles'; style: StyleSpecification }
  | { kind: 'pmtiles'; file: string; style: StyleSpecification };

function checkTileUrl(url: string): void {
  const fail = (why: string) => { throw new Error(`BASEMAP_TILE_URL ${url}: ${why}`); };
  if (!/\{z\}/.test(url) || !/\{x\}/.test(url) || !/\{y\}/.test(url)) fail('needs {z}, {x} and {y} placeholders');
  if (url.includes('{s}')) fail('MapLibre does not expand {s} sub-domains; use one host');
  if (/\.(pbf|mvt|mlt)(\?|$)/.test(url)) fail('vector tiles need a style: set BASEMAP_STYLE_URL (or use a vector PMTiles file)');
}

/** Validates the BASEMAP_* settings; throws one readable error naming the variable and value. */
export function resolveBasemap(basemap: BasemapConfig): ResolvedBasemap {
  const set = (['styleUrl', 'tileUrl', 'pmtilesPath'] as const).filter((k) => basemap[k]);
  if (set.length > 1) {
    throw new Error(`Basemap: set only one of BASEMAP_STYLE_URL, BASEMAP_TILE_URL, BASEMAP_PMTILES (got ${set.join(', ')})`);
  }
  if (basemap.styleUrl) return { kind: 'style-url', url: basemap.styleUrl };
  if (basemap.tileUrl) {
    checkTileUrl(basemap.tileUrl);
    return { kind: 'tiles', style: rasterTileStyle(basemap.tileUrl, basemap.attribution) };
  }
  if (basemap.pmtilesPath) {
    const summary = readPmtilesSummary(basemap.pmtilesPath);
    return { kind: 'pmtiles', file: basemap.pmtilesPath, style: pmtilesStyle(summary, basemap.attribution) };
  }
  return { kind: 'offline', style: offlineStyle() };
}

/** `GET /basemap/config.json`. */
export function basemapClientConfig(basemap: BasemapConfig, resolved: ResolvedBasemap): BasemapClientConfig {
  const custom = resolved.kind !== 'offline';
  return {
    // Our own data is WGS-84 whatever BASEMAP_CRS says; the datum only describes a configured basemap.
    crs: custom ? basemap.crs : 'wgs84',
    attribution: [...BASE_ATTRIBUTION, ...(basemap.attribution ? [basemap.attribution] : [])],
    labelsUrl: '/basemap/data/labels.geojson',
    custom,
  };
}
