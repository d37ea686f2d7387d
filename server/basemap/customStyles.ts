import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { PALETTE, WALL_VIEW } from './offlineStyle.js';
import type { PmtilesSummary } from './pmtiles.js';

/** Where the router serves a configured PMTiles file; the client turns it into an absolute URL. */
export const PMTILES_PATH = '/basemap/tiles.pmtiles';

function styleWith(source: SourceSpecification, layers: LayerSpecification[]): StyleSpecification {
  return {
    version: 8,
    name: 'GridCommand configured basemap',
    center: WALL_VIEW.center,
    zoom: WALL_VIEW.zoom,
    sources: { basemap: source },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } }, ...layers],
  };
}

const rasterLayer: LayerSpecification = { id: 'basemap-raster', type: 'raster', source: 'basemap' };

/** One raster source from a `{z}/{x}/{y}` template (BASEMAP_TILE_URL). */
export function rasterTileStyle(tileUrl: string, attribution?: string): StyleSpecification {
  return styleWith({ type: 'raster', tiles: [tileUrl], tileSize: 256, ...(attribution ? { attribution } : {}) }, [rasterLayer]);
}

type Role = 'earth' | 'landcover' | 'water' | 'building' | 'boundary' | 'road' | 'other';

// Matches both OpenMapTiles (water, transportation, boundary, landcover …) and Protomaps (earth, roads, boundaries …) ids.
const ROLE_PATTERNS: [Role, RegExp][] = [
  ['earth', /^(earth|land)$/],
  ['water', /water|ocean|lake|river/],
  ['building', /building/],
  ['boundary', /boundar|admin/],
  ['road', /road|transport|highway|street|railway/],
  ['landcover', /land|park|natural|green|wood|forest/],
];
const ROLE_ORDER: Role[] = ['earth', 'landcover', 'water', 'building', 'boundary', 'road', 'other'];
const ROLE_COLOUR: Record<Role, { fill?: string; line: string }> = {
  earth: { fill: PALETTE.land, line: PALETTE.land },
  landcover: { fill: '#0d1522', line: '#0d1522' },
  water: { fill: PALETTE.water, line: PALETTE.water },
  building: { fill: '#121b2a', line: '#121b2a' },
  boundary: { line: PALETTE.hubeiLine },
  road: { line: PALETTE.roads[2] },
  other: { line: PALETTE.minorRoad },
};

export const roleOf = (id: string): Role => ROLE_PATTERNS.find(([, re]) => re.test(id.toLowerCase()))?.[0] ?? 'other';

/**
 * A generic dark layer set for a vector archive whose schema we do not know: polygons filled and
 * lines stroked per source layer, coloured by what its id suggests. Points are not drawn (no glyphs).
 */
export function genericVectorLayers(sourceLayers: string[]): LayerSpecification[] {
  const sorted = [...sourceLayers].sort((a, b) => ROLE_ORDER.indexOf(roleOf(a)) - ROLE_ORDER.indexOf(roleOf(b)));
  return sorted.flatMap((id): LayerSpecification[] => {
    const colour = ROLE_COLOUR[roleOf(id)];
    const base = { source: 'basemap', 'source-layer': id } as const;
    const fill: LayerSpecification[] = colour.fill
      ? [{ ...base, id: `${id}-fill`, type: 'fill', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': colour.fill } }]
      : [];
    return [
      ...fill,
      {
        ...base, id: `${id}-line`, type: 'line', filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': colour.line, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 16, 2.5] },
      },
    ];
  });
}

/** A style over the local archive served at PMTILES_PATH, through the client's `pmtiles://` protocol. */
export function pmtilesStyle(summary: PmtilesSummary, attribution?: string): StyleSpecification {
  const credit = attribution ?? summary.attribution;
  const common = { url: `pmtiles://${PMTILES_PATH}`, ...(credit ? { attribution: credit } : {}) };
  if (summary.kind === 'raster') return styleWith({ type: 'raster', tileSize: 256, ...common }, [rasterLayer]);
  const style = styleWith({ type: 'vector', ...common }, genericVectorLayers(summary.vectorLayers));
  // Protomaps-style archives draw land as `earth` polygons over a sea-coloured background.
  if (summary.vectorLayers.some((id) => roleOf(id) === 'earth')) {
    style.layers[0] = { id: 'background', type: 'background', paint: { 'background-color': PALETTE.water } };
  }
  return style;
}
