import { MapboxOverlay, type MapboxOverlayProps } from '@deck.gl/mapbox';
import { useControl } from 'react-map-gl/maplibre';

/**
 * deck.gl drawn over MapLibre as a map control (the react-map-gl recipe). `interleaved: false` gives
 * deck its own canvas: simpler under software WebGL, and our layers always sit above the basemap anyway.
 */
export function DeckOverlay(props: MapboxOverlayProps) {
  const overlay = useControl<MapboxOverlay>(() => new MapboxOverlay({ ...props, interleaved: false }));
  overlay.setProps(props);
  return null;
}
