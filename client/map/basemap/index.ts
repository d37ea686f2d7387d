// The basemap's public surface for the wall and console maps.
export { fetchBasemap, registerPmtilesProtocol, type FetchBasemapOptions } from './fetchBasemap.js';
export { absolutizeStyle, usesPmtiles } from './absolutize.js';
export { createLabelLayer, LABEL_FONT_FAMILY, type LabelLayerProps } from './createLabelLayer.js';
export { fetchLabels, visibleLabels, LABEL_ZOOMS } from './labels.js';
export { Attribution, type AttributionProps } from './Attribution.js';
export type { BasemapClientConfig, LabelFeature, LabelKind, LabelProperties } from '../../../shared/basemap.js';
