import { PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { LngLat, Ring } from '../../../../shared/geo.js';
import { CompositeLayer } from '@deck.gl/core';
import type { DisplayOptions } from '../../../map/layers/display.js';

/** What is selected, as the map marks it: a point gets a ring, a cell a bright outline. */
export type SelectionMark = { position: LngLat } | { polygon: Ring };

/** A white ring or outline around the selected thing, so the side panel and the map visibly agree. */
export function createSelectionLayer(mark: SelectionMark | null, display: DisplayOptions): CompositeLayer {
  return new SelectionLayer({ id: 'selection', mark, project: display.project, crs: display.crs });
}

interface SelectionProps {
  mark: SelectionMark | null;
  project: DisplayOptions['project'];
  crs: string;
}

class SelectionLayer extends CompositeLayer<SelectionProps> {
  static override layerName = 'SelectionLayer';
  override renderLayers() {
    const { mark, project, crs } = this.props;
    const points = mark && 'position' in mark ? [mark.position] : [];
    const polygons = mark && 'polygon' in mark ? [mark.polygon] : [];
    return [
      new PolygonLayer<Ring>({
        id: `${this.props.id}-cell`,
        data: polygons,
        filled: false,
        stroked: true,
        getPolygon: (r) => r.map(project),
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        updateTriggers: { getPolygon: crs },
      }),
      new ScatterplotLayer<LngLat>({
        id: `${this.props.id}-point`,
        data: points,
        filled: false,
        stroked: true,
        radiusUnits: 'pixels',
        getRadius: 11,
        lineWidthUnits: 'pixels',
        getLineWidth: 2.5,
        getLineColor: [255, 255, 255, 255],
        getPosition: (p) => project(p),
        updateTriggers: { getPosition: crs },
      }),
    ];
  }
}
