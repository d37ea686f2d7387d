import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import type { Cell, Checkpoint, Team } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { activeCentroids } from './geometry.js';
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
 * The deck.gl layers of the wall, bottom to top. Arrays are derived once per kind identity, so a
 * team tick rebuilds team data only; the layers themselves are cheap descriptors rebuilt each render.
 */
export function useWallLayers(data: MapData, display: DisplayOptions, extra: readonly Layer[] = []): Layer[] {
  const cells = useMemo(() => Object.values(data.cells), [data.cells]);
  const centroids = useMemo(() => activeCentroids(cells), [cells]);
  const checkpoints = useMemo(() => Object.values(data.checkpoints), [data.checkpoints]);
  const teams = useMemo(() => placedTeams(Object.values(data.teams)), [data.teams]);
  const trails = useMemo(() => teamTrails(data.teams, data.trails), [data.teams, data.trails]);
  return [
    createCaseHeatmapLayer(centroids, display),
    createCellLayer(cells, display),
    ...extra,
    createTeamTrailLayer(trails, display),
    createCheckpointLayer(checkpoints, display),
    createTeamLayer(teams, display),
  ];
}
