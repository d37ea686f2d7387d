import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Map, type MapRef } from 'react-map-gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../../map/maplibreWorker.js';
import type { Cell, Checkpoint, EntityKind, Incident, Task, Team } from '../../../shared/entities.js';
import type { LngLat } from '../../../shared/geo.js';
import type { Lang } from '../../i18n/lang.js';
import { createLabelLayer } from '../../map/basemap/index.js';
import { displayProjector } from '../../map/datum.js';
import { DeckOverlay } from '../../map/DeckOverlay.js';
import { INITIAL_BOUNDS } from '../../map/LiveMap.js';
import type { TeamTrail } from '../../map/layers/teamTrailLayer.js';
import type { Basemap } from '../../map/useBasemap.js';
import type { Choropleth } from '../model/aggregate.js';
import type { Cluster } from '../model/clusters.js';
import type { Bounds } from '../model/search.js';
import type { Selection } from '../model/selection.js';
import { ClusterMarkers } from './ClusterMarkers.js';
import { CLUSTER_COLORS, clusterInputs, type MarkerKind } from './markerKinds.js';
import { useClusters, type MapView } from './useClusters.js';
import { useConsoleLayers, type LayerToggles } from './useConsoleLayers.js';
import type { SelectionMark } from './layers/selectionLayer.js';

/** Somewhere to move the map to; `key` changes on every request, so the same place can be asked twice. */
export interface MapFocus {
  key: number;
  bounds?: Bounds;
  point?: LngLat;
}

/** Props of `ConsoleMap`; the entity lists are already filtered. */
export interface ConsoleMapProps {
  basemap: Basemap;
  lang: Lang;
  cells: Record<string, Cell>;
  cellPasses: (cell: Cell) => boolean;
  checkpoints: readonly Checkpoint[];
  teams: readonly Team[];
  tasks: readonly Task[];
  incidents: readonly Incident[];
  trails: readonly TeamTrail[];
  toggles: LayerToggles;
  choropleth: Choropleth | null;
  selection: SelectionMark | null;
  focus: MapFocus | null;
  onPick: (s: Selection) => void;
  clusterLabel: (kind: MarkerKind, c: Cluster) => string;
  tooltip: (s: Selection) => string | null;
}

const INITIAL_VIEW: MapView = { bbox: [INITIAL_BOUNDS[0][0], INITIAL_BOUNDS[0][1], INITIAL_BOUNDS[1][0], INITIAL_BOUNDS[1][1]], zoom: 10 };

/** Deck layer id → the entity kind its objects are. */
const PICKABLE: Record<string, EntityKind> = { 'console-cells': 'cells', checkpoints: 'checkpoints', teams: 'teams', 'console-tasks': 'tasks', 'console-incidents': 'incidents' };

function selectionOf(info: PickingInfo): Selection | null {
  const kind = info.layer ? PICKABLE[info.layer.id] : undefined;
  const id = (info.object as { id?: unknown } | undefined)?.id;
  return kind && typeof id === 'string' ? { kind, id } : null;
}

/** The console's interactive map: pickable layers, clusters with their mix of states, zoom to a focus. */
export const ConsoleMap = memo(function ConsoleMap(props: ConsoleMapProps) {
  const { basemap, lang, toggles, focus, onPick, clusterLabel, tooltip } = props;
  const mapRef = useRef<MapRef>(null);
  const crs = basemap.config.crs;
  const display = useMemo(() => ({ crs, project: displayProjector(crs) }), [crs]);
  const [view, setView] = useState<MapView>(INITIAL_VIEW);
  const takeView = useCallback(() => {
    const map = mapRef.current;
    if (!map) return;
    const b = map.getBounds();
    setView({ bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: map.getZoom() });
  }, []);

  const inputs = useMemo(
    () => ({
      checkpoints: clusterInputs.checkpoints(display.project),
      teams: clusterInputs.teams(display.project),
      tasks: clusterInputs.tasks(display.project),
      incidents: clusterInputs.incidents(display.project),
    }),
    [display.project],
  );
  const checkpoints = useClusters(props.checkpoints, inputs.checkpoints, view);
  const teams = useClusters(props.teams, inputs.teams, view);
  const tasks = useClusters(props.tasks, inputs.tasks, view);
  const incidents = useClusters(props.incidents, inputs.incidents, view);

  const labels = useMemo(
    () => [createLabelLayer({ labels: basemap.labels, lang, project: display.project, zoom: view.zoom, visible: basemap.labels.length > 0 })],
    [basemap.labels, lang, display.project, view.zoom],
  );
  const layers = useConsoleLayers(
    {
      cells: props.cells,
      cellPasses: props.cellPasses,
      checkpoints: checkpoints.singles,
      teams: teams.singles,
      tasks: tasks.singles,
      incidents: incidents.singles,
      trails: props.trails,
      choropleth: props.choropleth,
      selection: props.selection,
    },
    toggles,
    display,
    { zoom: view.zoom, extra: labels },
  );

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    if (focus.bounds) {
      const [sw, ne] = focus.bounds.map(display.project) as [LngLat, LngLat];
      map.fitBounds([sw, ne], { padding: 60, maxZoom: 15, duration: 600 });
    } else if (focus.point) {
      map.flyTo({ center: display.project(focus.point), zoom: Math.max(map.getZoom(), 13.5), duration: 600 });
    }
  }, [focus, display]);

  const zoomInto = (expansionZoom: (id: number) => number) => (c: Cluster) =>
    mapRef.current?.easeTo({ center: c.position, zoom: Math.min(expansionZoom(c.clusterId), 16), duration: 500 });
  const markers: [MarkerKind, Cluster[], (c: Cluster) => void][] = [
    ['tasks', toggles.tasks ? tasks.clusters : [], zoomInto(tasks.expansionZoom)],
    ['checkpoints', toggles.checkpoints ? checkpoints.clusters : [], zoomInto(checkpoints.expansionZoom)],
    ['teams', toggles.teams ? teams.clusters : [], zoomInto(teams.expansionZoom)],
    ['incidents', toggles.incidents ? incidents.clusters : [], zoomInto(incidents.expansionZoom)],
  ];
  return (
    <Map
      ref={mapRef}
      initialViewState={{ bounds: INITIAL_BOUNDS }}
      mapStyle={basemap.style}
      attributionControl={false}
      dragRotate={false}
      pitchWithRotate={false}
      onLoad={takeView}
      onMoveEnd={takeView}
      style={{ position: 'absolute', inset: 0 }}
    >
      <DeckOverlay
        layers={layers}
        onClick={(info: PickingInfo) => {
          const s = selectionOf(info);
          if (s) onPick(s);
        }}
        getTooltip={(info: PickingInfo) => {
          const s = selectionOf(info);
          const text = s ? tooltip(s) : null;
          return text ? { text, className: 'map-tooltip' } : null;
        }}
        getCursor={({ isHovering }) => (isHovering ? 'pointer' : 'grab')}
      />
      {markers.map(([kind, clusters, onZoom]) => (
        <ClusterMarkers key={kind} kind={kind} clusters={clusters} colors={CLUSTER_COLORS[kind]} label={(c) => clusterLabel(kind, c)} onZoom={onZoom} />
      ))}
    </Map>
  );
});
