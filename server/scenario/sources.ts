import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LngLat } from '../../shared/geo.js';
import { parseCsv } from './csv.js';

/** Readers for the files in data/sources; each returns plain typed records. */

export interface District {
  code: string;
  name: string;
  /** Representative centre point (hubei-county-seats). */
  centre: LngLat;
}
export interface Street {
  code: string;
  name: string;
  districtCode: string;
}
export interface Community {
  code: string;
  name: string;
  streetCode: string;
}
export interface Road {
  osmId: number;
  name: string | null;
  highway: string;
  isLink: boolean;
  coords: LngLat[];
}
export interface Hospital {
  districtName: string;
  name: string;
  address: string;
}

const WUHAN_DISTRICT = /^4201\d\d$/;

function readText(dataDir: string, ...parts: string[]): string {
  return readFileSync(path.join(dataDir, 'sources', ...parts), 'utf8');
}

export function readDistricts(dataDir: string): District[] {
  return parseCsv(readText(dataDir, 'hubei-county-seats', 'hubei_county_seats.csv'))
    .filter((r) => WUHAN_DISTRICT.test(r.adcode ?? ''))
    .map((r) => ({ code: r.adcode ?? '', name: r.name ?? '', centre: [Number(r.lng), Number(r.lat)] }));
}

export function readStreets(dataDir: string): Street[] {
  return parseCsv(readText(dataDir, 'admin-codes-hubei', 'hubei_townships_streets.csv'))
    .filter((r) => WUHAN_DISTRICT.test(r.areaCode ?? ''))
    .map((r) => ({ code: r.code ?? '', name: r.name ?? '', districtCode: r.areaCode ?? '' }));
}

export function readCommunities(dataDir: string): Community[] {
  return parseCsv(readText(dataDir, 'admin-codes-hubei', 'wuhan_communities_villages.csv')).map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    streetCode: r.streetCode ?? '',
  }));
}

export function readHospitals(dataDir: string): Hospital[] {
  return parseCsv(readText(dataDir, 'wuhan2020-hubei-hospitals', 'hubei_hospitals_wuhan2020.csv'))
    .filter((r) => r.city_pinyin === 'wuhanshi')
    .map((r) => ({ districtName: r.district ?? '', name: r.hospital_name ?? '', address: r.address ?? '' }));
}

const RoadFile = z.object({
  features: z.array(
    z.object({
      properties: z.object({ osm_id: z.number(), name: z.string().nullable(), highway: z.string(), is_link: z.boolean() }),
      geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(LngLat).min(2) }),
    }),
  ),
});

/** The main-road sample (motorway … tertiary and links), WGS-84. */
export function readMainRoads(dataDir: string): Road[] {
  const file = RoadFile.parse(JSON.parse(readText(dataDir, 'osm-wuhan-roads-sample', 'wuhan_main_roads_osm_sample.geojson')));
  return file.features.map((f) => ({
    osmId: f.properties.osm_id,
    name: f.properties.name,
    highway: f.properties.highway,
    isLink: f.properties.is_link,
    coords: f.geometry.coordinates,
  }));
}

const PolygonFile = z.object({
  features: z.array(
    z.object({
      properties: z.record(z.string(), z.unknown()),
      geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(LngLat)) }),
    }),
  ),
});
const LineFile = z.object({
  features: z.array(
    z.object({
      properties: z.object({ name: z.string() }),
      geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(LngLat) }),
    }),
  ),
});

/** Water the grid must not cover: OSM Yangtze/Han areas plus the coarse Natural Earth East/Tangxun lakes. */
export function readWaterPolygons(dataDir: string): LngLat[][][] {
  const rivers = PolygonFile.parse(JSON.parse(readText(dataDir, 'osm-wuhan-rivers', 'wuhan_river_areas_osm.geojson')));
  const lakes = PolygonFile.parse(JSON.parse(readText(dataDir, 'ne-hubei', 'hubei_region_lakes_ne10m.geojson')));
  const urbanLakes = lakes.features.filter((f) => typeof f.properties.name_zh_guess === 'string');
  return [...rivers.features, ...urbanLakes].map((f) => f.geometry.coordinates);
}

/** River centrelines by name (长江, 汉江, 府河, 举水). */
export function readRiverLines(dataDir: string): Map<string, LngLat[]> {
  const file = LineFile.parse(JSON.parse(readText(dataDir, 'osm-wuhan-rivers', 'wuhan_river_centerlines_osm.geojson')));
  return new Map(file.features.map((f) => [f.properties.name, f.geometry.coordinates]));
}
