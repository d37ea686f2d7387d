import { describe, expect, test } from 'vitest';
import type { LngLat } from '../../../shared/geo.js';
import { displayProjector } from '../datum.js';
import type { LabelFeature, LabelProperties } from '../../../shared/basemap.js';
import { createLabelLayer } from './createLabelLayer.js';

function createLabel(props: Partial<LabelProperties> & Pick<LabelProperties, 'kind'>, at: LngLat = [114.3, 30.6]): LabelFeature {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { name_zh: '江岸区', name_en: "Jiang'an", rank: 1, ...props } };
}

function createLabels(): LabelFeature[] {
  return [
    createLabel({ kind: 'district', name_zh: '江岸区', name_en: "Jiang'an" }, [114.30367, 30.60246]),
    createLabel({ kind: 'road', name_zh: '解放大道', name_en: '', rank: 1 }),
    createLabel({ kind: 'place', name_zh: '孝感', name_en: 'Xiaogan', rank: 3 }),
  ];
}

const identity = (p: LngLat) => p;
const texts = (layer: ReturnType<typeof createLabelLayer>) =>
  (layer.props.data as LabelFeature[]).map((d) => (layer.props.getText as (d: LabelFeature) => string)(d));

describe('createLabelLayer', () => {
  test('keeps the id stable and ships a Chinese character set with a CJK system font', () => {
    const layer = createLabelLayer({ labels: createLabels(), lang: 'zh-CN', project: identity, zoom: 11 });
    expect(layer.id).toBe('basemap-labels');
    for (const c of '江岸区解放大道孝感Xiaogan') expect(layer.props.characterSet).toContain(c);
    expect(layer.props.fontFamily).toMatch(/^"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif$/);
    expect(layer.props.fontSettings).toMatchObject({ sdf: true });
    expect(layer.props.outlineWidth).toBeGreaterThan(0);
  });

  test('shows districts at the wall zoom but road names only from zoom 12', () => {
    const labels = createLabels();
    expect(texts(createLabelLayer({ labels, lang: 'zh-CN', project: identity, zoom: 10.8 }))).toEqual(['江岸区']);
    expect(texts(createLabelLayer({ labels, lang: 'zh-CN', project: identity, zoom: 13 }))).toEqual(['江岸区', '解放大道']);
    expect(texts(createLabelLayer({ labels, lang: 'zh-CN', project: identity, zoom: 8 }))).toEqual(['孝感']);
  });

  test('reuses the same data array while the visible set does not change', () => {
    const labels = createLabels();
    const a = createLabelLayer({ labels, lang: 'zh-CN', project: identity, zoom: 10.6 });
    const b = createLabelLayer({ labels, lang: 'en', project: identity, zoom: 11.2 });
    expect(b.props.data).toBe(a.props.data);
    expect(b.props.characterSet).toBe(a.props.characterSet);
  });

  test('writes pinyin in English and falls back to Chinese where the source has no English name', () => {
    const layer = createLabelLayer({ labels: createLabels(), lang: 'en', project: identity, zoom: 13 });
    const getText = layer.props.getText as (d: LabelFeature) => string;
    expect((layer.props.data as LabelFeature[]).map(getText)).toEqual(["Jiang'an", '解放大道']);
  });

  test('moves labels onto a GCJ-02 basemap by the datum shift (~500 m east in Wuhan)', () => {
    const project = displayProjector('gcj02');
    const layer = createLabelLayer({ labels: createLabels(), lang: 'zh-CN', project, zoom: 11 });
    const getPosition = layer.props.getPosition as (d: LabelFeature) => LngLat;
    const [lng, lat] = getPosition((layer.props.data as LabelFeature[])[0]!);
    expect(lng - 114.30367).toBeGreaterThan(0.004);
    expect(Math.abs(lat - 30.60246)).toBeLessThan(0.005);
    expect(layer.props.updateTriggers).toMatchObject({ getPosition: project });
  });

  test('sizes labels by rank: districts larger than road names', () => {
    const layer = createLabelLayer({ labels: createLabels(), lang: 'zh-CN', project: identity, zoom: 13 });
    const getSize = layer.props.getSize as (d: LabelFeature) => number;
    const [district, road] = layer.props.data as LabelFeature[];
    expect(getSize(district!)).toBeGreaterThan(getSize(road!));
    expect(getSize(road!)).toBeGreaterThanOrEqual(12);
  });
});
