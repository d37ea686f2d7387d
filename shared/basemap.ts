// The basemap's wire types: served by server/basemap, built by scripts/build-basemap.ts, read by the client.
import type { LngLat } from './geo.js';

/** Datum of the basemap being drawn under our layers. Data is WGS-84 everywhere else. */
export type BasemapCrs = 'wgs84' | 'gcj02' | 'cgcs2000';

/** What a basemap label names; drives its size, colour and the zooms it shows at. */
export const LABEL_KINDS = ['province', 'place', 'district', 'water', 'road'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** Properties of one point in `data/basemap/labels.geojson` (written by scripts/build-basemap.ts). */
export interface LabelProperties {
  /** Chinese name, always present. */
  name_zh: string;
  /** English or pinyin name; empty when the source has none (OSM road names) — the zh name is shown then. */
  name_en: string;
  kind: LabelKind;
  /** 1 = most important within its kind; lower ranks show at lower zooms and larger. */
  rank: 1 | 2 | 3;
}

/** One label point, WGS-84. */
export interface LabelFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: LngLat };
  properties: LabelProperties;
}

/** `GET /basemap/config.json`: what the client needs besides the style. */
export interface BasemapClientConfig {
  /** Datum of the basemap being drawn (always wgs84 for the offline basemap); layers are shifted to it (see client/map/datum.ts). */
  crs: BasemapCrs;
  /** Credits to show on the map, in display order. */
  attribution: string[];
  /** Where the label points are; always the shipped labels, drawn by deck.gl. */
  labelsUrl: string;
  /** True when the user configured a style, tile URL or PMTiles file instead of the offline basemap. */
  custom: boolean;
}
