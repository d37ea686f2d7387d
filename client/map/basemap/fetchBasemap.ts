import type { StyleSpecification } from 'maplibre-gl';
import type { BasemapClientConfig } from '../../../shared/basemap.js';
import { absolutizeStyle, usesPmtiles } from './absolutize.js';

/** Options of {@link fetchBasemap}; the defaults are right in the browser. */
export interface FetchBasemapOptions {
  /** Page URL the `/basemap/...` paths are relative to. @default location.href */
  baseUrl?: string;
  /** Registers the `pmtiles://` protocol with MapLibre. @default registerPmtilesProtocol */
  registerPmtiles?: () => Promise<void>;
}

let pmtilesRegistered: Promise<void> | undefined;

/** Adds the PMTiles protocol to MapLibre once per page; loaded lazily so the offline basemap never pays for it. */
export function registerPmtilesProtocol(): Promise<void> {
  pmtilesRegistered ??= Promise.all([import('maplibre-gl'), import('pmtiles')]).then(([maplibre, { Protocol }]) => {
    maplibre.addProtocol('pmtiles', new Protocol().tile);
  });
  return pmtilesRegistered;
}

async function getJson<T>(url: string): Promise<{ body: T; url: string }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return { body: (await res.json()) as T, url: res.url || url };
}

/**
 * Fetches `/basemap/style.json` and `/basemap/config.json`, makes the style's URLs absolute (see
 * absolutize.ts) and registers the `pmtiles` protocol when the style needs it.
 */
export async function fetchBasemap(opts: FetchBasemapOptions = {}): Promise<{ style: StyleSpecification; config: BasemapClientConfig }> {
  const base = opts.baseUrl ?? globalThis.location.href;
  const [style, config] = await Promise.all([
    getJson<StyleSpecification>(new URL('/basemap/style.json', base).href),
    getJson<BasemapClientConfig>(new URL('/basemap/config.json', base).href),
  ]);
  // Resolve against the final URL: a BASEMAP_STYLE_URL redirect makes the user's style relative to its own host.
  const absolute = absolutizeStyle(style.body, style.url);
  if (usesPmtiles(absolute)) await (opts.registerPmtiles ?? registerPmtilesProtocol)();
  return { style: absolute, config: config.body };
}
