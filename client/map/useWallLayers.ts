import { useMemo, useState } from 'react';
import type { Layer } from '@deck.gl/core';
import type { Cell, Checkpoint, Team } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { createCellShapesCache, riskKey } from './cellShapes.js';
import { createActiveCentroidsCache } from './geometry.js';
import { createCaseHeatmapLayer } from './layers/heatmapLayer.js';
import { createCellLayer } from './layers/cellLayer.js';
import { createCheckpointLayer } from './layers/checkpointLayer.js';
import { createTeamLayer, placedTeams } from './layers/teamLayer.js';
import { createTeamTrailLayer, teamTrails } from './layers/teamTrailLayer.js';
import type { DisplayOptions } from './layers/display.js';

/** The parts of the picture the map draws; each keeps its identity until its kind changes. */
export interface MapData {
  cells: Record<string, Cell>;
  checkpoints: Record<string, Checkpoint>;
  teams: Record<string, Team>;
  trails: Record<string, readonly LngLat[]>;
}

/**
 * The deck.gl layers of the wall, bottom to top, with `extra` (place names) on top: a district's
 * name must stay readable across the room, where a dot under its outlined text still shows round it.
 * Data arrays are derived once per kind identity and reused while their content is unchanged,
 * so a team tick touches team buffers only and a count update leaves the hexagons alone.
 */
export function useWallLayers(data: MapData, display: DisplayOptions, extra: readonly Layer[] = []): Layer[] {
  const [toShapes] = useState(createCellShapesCache);
  const [toHeat] = useState(createActiveCentroidsCache);
  const shapes = useMemo(() => toShapes(Object.values(data.cells)), [toShapes, data.cells]);
  const risks = useMemo(() => riskKey(shapes, data.cells), [shapes, data.cells]);
  const heat = useMemo(() => toHeat(shapes, data.cells), [toHeat, shapes, data.cells]);
  const checkpoints = useMemo(() => Object.values(data.checkpoints), [data.checkpoints]);
  const teams = useMemo(() => placedTeams(Object.values(data.teams)), [data.teams]);
  const trails = useMemo(() => teamTrails(data.teams, data.trails), [data.teams, data.trails]);
  const cells = data.cells;
  return [
    createCaseHeatmapLayer(heat, display),
    createCellLayer(shapes, { ...display, riskKey: risks, riskOf: (id) => cells[id]?.risk ?? 'low' }),
    createTeamTrailLayer(trails, display),
    createCheckpointLayer(checkpoints, display),
    createTeamLayer(teams, display),
    ...extra,
  ];
}
