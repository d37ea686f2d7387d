import { memo, useMemo } from 'react';
import { Map } from 'react-map-gl/maplibre';
import 'maplibre-gl/dist/maplibre-gl.css';
import { displayProjector } from './datum.js';
import { DeckOverlay } from './DeckOverlay.js';
import type { Basemap } from './useBasemap.js';
import { useWallLayers, type MapData } from './useWallLayers.js';

/** Centre of Wuhan's three towns (武昌, 汉口, 汉阳), zoomed to show the central districts. */
export const INITIAL_VIEW = { longitude: 114.3, latitude: 30.58, zoom: 10.6 } as const;

/** Props of `LiveMap`. */
export interface LiveMapProps extends MapData {
  basemap: Basemap;
  /** UI language, for labels. */
  lang: string;
}

/** The live map: basemap by MapLibre, everything live by deck.gl (never GeoJSON `setData`). */
export const LiveMap = memo(function LiveMap({ basemap, lang: _lang, ...data }: LiveMapProps) {
  const crs = basemap.config.crs;
  const display = useMemo(() => ({ crs, project: displayProjector(crs) }), [crs]);
  const layers = useWallLayers(data, display);
  return (
    <Map
      initialViewState={INITIAL_VIEW}
      mapStyle={basemap.style}
      attributionControl={false}
      dragRotate={false}
      pitchWithRotate={false}
      style={{ position: 'absolute', inset: 0 }}
    >
      <DeckOverlay layers={layers} />
    </Map>
  );
});
