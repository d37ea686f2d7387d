import { useEffect, useState } from 'react';
import type { StyleSpecification } from 'maplibre-gl';
import { fetchBasemap, fetchLabels, type BasemapClientConfig, type LabelFeature } from './basemap/index.js';

/** The basemap to draw and how to place layers on it. */
export interface Basemap {
  style: StyleSpecification | string;
  config: BasemapClientConfig;
  /** Place-name points drawn by deck.gl; empty until fetched. */
  labels: LabelFeature[];
}

/** A plain dark background, shown until (or if) the basemap cannot be fetched: the live layers still draw. */
export const FALLBACK_BASEMAP: Basemap = {
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0b1320' } }] },
  config: { crs: 'wgs84', attribution: [], labelsUrl: '', custom: false },
  labels: [],
};

/** The basemap and its labels, fetched once; the fallback until they arrive or when they fail. */
export function useBasemap(): Basemap {
  const [basemap, setBasemap] = useState<Basemap>(FALLBACK_BASEMAP);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const { style, config } = await fetchBasemap();
        if (!live) return;
        setBasemap({ style, config, labels: [] });
        // Labels are optional: without them the map is still right, just unnamed.
        const labels = config.labelsUrl ? await fetchLabels(config.labelsUrl).catch(() => []) : [];
        if (live) setBasemap({ style, config, labels });
      } catch (err) {
        console.warn('basemap unavailable, drawing on a plain background', err);
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  return basemap;
}
