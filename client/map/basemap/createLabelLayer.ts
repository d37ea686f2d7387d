import { TextLayer } from '@deck.gl/layers';
import type { LngLat } from '../../../shared/geo.js';
import type { LabelFeature } from '../../../shared/basemap.js';
import { LABEL_COLOURS, LABEL_SIZES, labelCharacterSet, labelText, visibleLabels } from './labels.js';

/** Props of {@link createLabelLayer}. */
export interface LabelLayerProps {
  /** All label points (from config.labelsUrl); keep the same array between renders. */
  labels: LabelFeature[];
  lang: 'zh-CN' | 'en';
  /** WGS-84 → basemap datum (displayProjector(config.crs)); memoise it: it is an update trigger. */
  project: (p: LngLat) => LngLat;
  /** Current map zoom; decides which ranks show (see LABEL_ZOOMS). */
  zoom: number;
  /** @default true */
  visible?: boolean;
}

/** System CJK fonts first: no font files ship with the app, and the wall has no internet. */
export const LABEL_FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Place names over the basemap, drawn by deck.gl because MapLibre has no glyph server offline. */
export function createLabelLayer({ labels, lang, project, zoom, visible = true }: LabelLayerProps) {
  return new TextLayer<LabelFeature>({
    id: 'basemap-labels',
    data: visibleLabels(labels, zoom),
    visible,
    getPosition: (d) => project(d.geometry.coordinates),
    getText: (d) => labelText(d.properties, lang),
    getSize: (d) => LABEL_SIZES[d.properties.kind][d.properties.rank],
    getColor: (d) => LABEL_COLOURS[d.properties.kind],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    sizeUnits: 'pixels',
    characterSet: labelCharacterSet(labels),
    fontFamily: LABEL_FONT_FAMILY,
    fontWeight: 600,
    fontSettings: { sdf: true, fontSize: 48, buffer: 6, radius: 12 },
    outlineWidth: 3,
    outlineColor: [5, 9, 18, 235],
    updateTriggers: { getPosition: project, getText: lang },
  });
}
