import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

/** Wall palette: a very dark navy ground, blue-grey water, roads in greys that brighten with importance. */
export const PALETTE = {
  background: '#060a13',
  land: '#0b111d',
  hubei: '#0f1829',
  provinceLine: '#1f2d44',
  hubeiLine: '#3a5680',
  water: '#1b3150',
  waterLine: '#22406a',
  /** Indexed by OSM class_rank 1 (motorway) … 5 (tertiary); minor roads use `minorRoad`. */
  roads: ['#a5afc1', '#8893a7', '#6b768a', '#4f596b', '#3b4454'],
  minorRoad: '#252c38',
} as const;

/** Where the wall looks by default: central Wuhan, both rivers and the confluence. */
export const WALL_VIEW = { center: [114.3, 30.58] as [number, number], zoom: 10.8 };

const geojson = (file: string) => ({ type: 'geojson' as const, data: `/basemap/data/${file}.geojson` });
const zoomStops = (base: number, stops: [number, number | ExpressionSpecification][]): ExpressionSpecification =>
  ['interpolate', ['exponential', base], ['zoom'], ...stops.flat()] as ExpressionSpecification;
const byRank = (values: number[] | readonly string[]): ExpressionSpecification =>
  ['match', ['get', 'class_rank'], 1, values[0]!, 2, values[1]!, 3, values[2]!, 4, values[3]!, values[4]!] as ExpressionSpecification;

// River widths in metres, drawn as lines because the OSM areas miss the urban lower Han (see SOURCE.md).
// At Wuhan's latitude one pixel at zoom 0 is ~134.8 km, so width_px = metres * 2^z / 134_800.
const isHubei: ExpressionSpecification = ['==', ['get', 'hubei'], true];
const riverMetres: ExpressionSpecification = ['match', ['get', 'name_zh'], '长江', 700, '汉江', 220, 120];
const metresToPx = (z: number): ExpressionSpecification => ['max', 1, ['*', riverMetres, 2 ** z / 134_800]];

function waterLayers(): LayerSpecification[] {
  return [
    {
      id: 'lakes', type: 'fill', source: 'lakes',
      // Natural Earth outlines are ~1 km coarse: let them recede where streets are drawn.
      paint: { 'fill-color': PALETTE.water, 'fill-outline-color': PALETTE.waterLine, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11, 1, 13, 0.55] },
    },
    {
      id: 'rivers-regional', type: 'line', source: 'rivers', maxzoom: 10,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': PALETTE.water,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, ['case', ['<=', ['get', 'scalerank'], 1], 1.6, 0.8], 9, ['case', ['<=', ['get', 'scalerank'], 1], 4, 1.6]],
      },
    },
    {
      id: 'river-lines', type: 'line', source: 'river-lines', minzoom: 8,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': PALETTE.water, 'line-width': zoomStops(2, [[8, metresToPx(8)], [16, metresToPx(16)]]) },
    },
    { id: 'river-areas', type: 'fill', source: 'river-areas', minzoom: 8, paint: { 'fill-color': PALETTE.water, 'fill-antialias': true } },
  ];
}

function roadLayers(): LayerSpecification[] {
  const major = ['<=', ['get', 'class_rank'], 5] as ExpressionSpecification;
  return [
    {
      id: 'roads-minor', type: 'line', source: 'roads', minzoom: 12.5, filter: ['!', major],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': PALETTE.minorRoad, 'line-width': zoomStops(1.6, [[12.5, 0.4], [14, 1], [17, 4]]) },
    },
    {
      id: 'roads-major', type: 'line', source: 'roads', minzoom: 8, filter: major,
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': ['-', 10, ['get', 'class_rank']] },
      paint: {
        'line-color': byRank(PALETTE.roads),
        'line-width': zoomStops(1.6, [
          [8, byRank([0.8, 0.7, 0.4, 0.2, 0.1])],
          [11, byRank([2.0, 1.7, 1.2, 0.8, 0.5])],
          [14, byRank([4.5, 3.8, 3, 2.2, 1.6])],
          [17, byRank([12, 10, 8, 6, 5])],
        ]),
        // Secondary and tertiary roads fade in so the city overview stays calm.
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 9, byRank([1, 1, 0.8, 0.3, 0]), 12.5, 1],
      },
    },
  ];
}

/**
 * The offline, label-free dark basemap. Source URLs are root-relative: the client resolves them
 * against its own origin (see client/map/basemap/absolutize.ts). No glyphs and no sprite: there is
 * no glyph server offline, so labels are drawn by deck.gl instead.
 */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'GridCommand offline (dark)',
    center: WALL_VIEW.center,
    zoom: WALL_VIEW.zoom,
    sources: {
      provinces: geojson('provinces'), lakes: geojson('lakes'), rivers: geojson('rivers'),
      'river-areas': geojson('river-areas'), 'river-lines': geojson('river-lines'), roads: geojson('roads'),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } },
      {
        id: 'provinces-fill', type: 'fill', source: 'provinces',
        paint: { 'fill-color': ['case', isHubei, PALETTE.hubei, PALETTE.land] },
      },
      ...waterLayers(),
      ...roadLayers(),
      {
        id: 'provinces-line', type: 'line', source: 'provinces', filter: ['!', isHubei],
        paint: { 'line-color': PALETTE.provinceLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 10, 1.5] },
      },
      {
        id: 'hubei-line', type: 'line', source: 'provinces', filter: isHubei,
        paint: { 'line-color': PALETTE.hubeiLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.2, 10, 2.2] },
      },
    ],
  };
}
