import { memo, useMemo, useState } from 'react';
import { Map } from 'react-map-gl/maplibre';
import 'maplibre-gl/dist/maplibre-gl.css';
import './maplibreWorker.js';
import type { Lang } from '../i18n/lang.js';
import { createLabelLayer } from './basemap/index.js';
import { displayProjector } from './datum.js';
import { DeckOverlay } from './DeckOverlay.js';
import type { Basemap } from './useBasemap.js';
import { useWallLayers, type MapData } from './useWallLayers.js';

/** Centre of Wuhan's three towns (武昌, 汉口, 汉阳) [114.30, 30.58]. */
export const CENTRE: readonly [number, number] = [114.3, 30.58];
/**
 * What the wall shows at start: the view of zoom 10.6 around `CENTRE` on a 1400×880 map (the map
 * area at 1920×1080), given as bounds so that a smaller screen zooms out to the same city instead of
 * cropping it (≈ zoom 10.0 at 1280×720).
 */
export const INITIAL_BOUNDS: [[number, number], [number, number]] = [
  [113.98, 30.41],
  [114.62, 30.75],
];
const INITIAL_VIEW = { bounds: INITIAL_BOUNDS };

/** Props of `LiveMap`. */
export interface LiveMapProps extends MapData {
  basemap: Basemap;
  /** Language of the place names. */
  lang: Lang;
}

/** The live map: basemap by MapLibre, everything live by deck.gl (never GeoJSON `setData`). */
export const LiveMap = memo(function LiveMap({ basemap, lang, ...data }: LiveMapProps) {
  const crs = basemap.config.crs;
  const display = useMemo(() => ({ crs, project: displayProjector(crs) }), [crs]);
  // Zoom only matters to labels (which ranks show), so it is taken when a gesture ends, not per frame.
  const [zoom, setZoom] = useState<number>(10.6);
  const labels = useMemo(
    () => [createLabelLayer({ labels: basemap.labels, lang, project: display.project, zoom, visible: basemap.labels.length > 0 })],
    [basemap.labels, lang, display.project, zoom],
  );
  const layers = useWallLayers(data, display, labels);
  return (
    <Map
      initialViewState={INITIAL_VIEW}
      mapStyle={basemap.style}
      attributionControl={false}
      dragRotate={false}
      pitchWithRotate={false}
      onZoomEnd={(e) => setZoom(e.viewState.zoom)}
      style={{ position: 'absolute', inset: 0 }}
    >
      <DeckOverlay layers={layers} />
    </Map>
  );
});
