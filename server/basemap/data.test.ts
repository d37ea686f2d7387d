import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { LabelFeature } from '../../shared/basemap.js';
import { STATIC_DATA_DIR } from './testServer.js';

// Checks on the committed output of scripts/build-basemap.ts.
const dir = path.join(STATIC_DATA_DIR, 'basemap');
const geojsonFiles = fs.readdirSync(dir).filter((f) => f.endsWith('.geojson'));
const readFc = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { type: string; features: { geometry: unknown }[] };

describe('committed basemap data', () => {
  test('stays small enough to ship and load on the wall (< 3 MB in total)', () => {
    const total = geojsonFiles.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  test.each(geojsonFiles)('%s is a FeatureCollection with coordinates rounded to at most 6 decimals', (f) => {
    const fc = readFc(f);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    const tooPrecise = JSON.stringify(fc.features.map((x) => x.geometry)).match(/\d\.\d{7,}/g);
    expect(tooPrecise).toBeNull();
  });

  test('labels name all 13 Wuhan districts in Chinese and pinyin', () => {
    const labels = readFc('labels.geojson').features as unknown as LabelFeature[];
    const districts = labels.filter((l) => l.properties.kind === 'district');
    expect(districts).toHaveLength(13);
    for (const d of districts) {
      expect(d.properties.name_zh).toMatch(/区$/);
      expect(d.properties.name_en).toMatch(/^[A-Z][a-z']+$/);
    }
  });

  test('ATTRIBUTION.md credits OSM (ODbL) and Natural Earth and lists every file', () => {
    const text = fs.readFileSync(path.join(dir, 'ATTRIBUTION.md'), 'utf8');
    expect(text).toContain('© OpenStreetMap contributors');
    expect(text).toContain('ODbL');
    expect(text).toContain('Natural Earth');
    for (const f of geojsonFiles) expect(text).toContain(f);
  });
});
