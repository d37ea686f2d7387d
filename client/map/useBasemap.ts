import { useEffect, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import type { BasemapClientConfig } from './basemap/contract.js';

/** The basemap to draw and how to place layers on it. */
export interface Basemap {
  style: StyleSpecification | string;
  config: BasemapClientConfig;
}

/** A plain dark background, shown until (or if) the basemap cannot be fetched: the live layers still draw. */
export const FALLBACK_BASEMAP: Basemap = {
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0b1320' } }] },
  config: { crs: 'wgs84', attribution: [], labelsUrl: '', custom: false },
};

// TODO(basemap): replace with `fetchBasemap()` from ./basemap once the basemap engineer exports it.
async function fetchBasemap(): Promise<Basemap> {
  const [style, config] = await Promise.all([fetchJson<StyleSpecification>('/basemap/style.json'), fetchJson<BasemapClientConfig>('/basemap/config.json')]);
  return { style, config };
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The basemap, fetched once; the fallback until it arrives or when it fails. */
export function useBasemap(): Basemap {
  const [basemap, setBasemap] = useState<Basemap>(FALLBACK_BASEMAP);
  useEffect(() => {
    let live = true;
    fetchBasemap()
      .then((b) => live && setBasemap(b))
      .catch((err: unknown) => console.warn('basemap unavailable, drawing on a plain background', err));
    return () => {
      live = false;
    };
  }, []);
  return basemap;
}
