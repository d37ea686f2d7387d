import { useMemo, useState } from 'react';
import type { Layer } from '@deck.gl/core';
import type { Cell, Checkpoint, Incident, Task, Team } from '../../../shared/entities.js';
import { RISK_COLORS } from '../../../shared/risk.js';
import { createCellShapesCache, riskKey } from '../../map/cellShapes.js';
import { createActiveCentroidsCache } from '../../map/geometry.js';
import { createCheckpointLayer } from '../../map/layers/checkpointLayer.js';
import { withAlpha, type DisplayOptions, type Rgba } from '../../map/layers/display.js';
import { createCaseHeatmapLayer } from '../../map/layers/heatmapLayer.js';
import { createTeamLayer } from '../../map/layers/teamLayer.js';
import { createTeamTrailLayer, type TeamTrail } from '../../map/layers/teamTrailLayer.js';
import { CHOROPLETH_COLORS, type Choropleth } from '../model/aggregate.js';
import { createFilteredShapesCache, createOutlinesCache } from './caches.js';
import { createConsoleCellLayer } from './layers/consoleCellLayer.js';
import { createIncidentLayer, createTaskLayer } from './layers/markerLayers.js';
import { createOutlineLayer } from './layers/outlineLayer.js';
import { createSelectionLayer, type SelectionMark } from './layers/selectionLayer.js';

/** Which layers the official has switched on. */
export interface LayerToggles {
  cells: boolean;
  heatmap: boolean;
  checkpoints: boolean;
  teams: boolean;
  trails: boolean;
  tasks: boolean;
  incidents: boolean;
  outlines: boolean;
}

/** What the console map draws, already filtered; points are those not inside a cluster at this zoom. */
export interface ConsoleLayerData {
  /** Every cell of the picture shown (outlines and shapes come from all of them). */
  cells: Record<string, Cell>;
  /** Whether a cell passes the filters. */
  cellPasses: (cell: Cell) => boolean;
  checkpoints: readonly Checkpoint[];
  teams: readonly Team[];
  tasks: readonly Task[];
  incidents: readonly Incident[];
  trails: readonly TeamTrail[];
  choropleth: Choropleth | null;
  selection: SelectionMark | null;
}

const NONE: Rgba = [0, 0, 0, 0];
const EMPTY_CLASS: Rgba = [120, 130, 150, 30];

/** The console's deck.gl layers, bottom to top, with stable ids; `extra` (labels) goes above the cells. */
export function useConsoleLayers(data: ConsoleLayerData, toggles: LayerToggles, display: DisplayOptions, opts: { zoom: number; extra: readonly Layer[] }): Layer[] {
  const [toShapes] = useState(createCellShapesCache);
  const [toFiltered] = useState(createFilteredShapesCache);
  const [toHeat] = useState(createActiveCentroidsCache);
  const [toOutlines] = useState(createOutlinesCache);
  const { cells, cellPasses, choropleth } = data;
  const shapes = useMemo(() => toShapes(Object.values(cells)), [toShapes, cells]);
  // Runs on every cells change, but the cache returns the same array while the same cells pass.
  const shown = useMemo(() => toFiltered(shapes, (id) => Boolean(cells[id] && cellPasses(cells[id]))), [toFiltered, shapes, cells, cellPasses]);
  const heat = useMemo(() => toHeat(shown, cells), [toHeat, shown, cells]);
  const outlines = useMemo(() => toOutlines(shapes, cells), [toOutlines, shapes, cells]);
  const risks = useMemo(() => riskKey(shown, cells), [shown, cells]);
  const colors = useMemo(() => {
    if (choropleth) {
      const fill = (id: string): Rgba => {
        const k = choropleth.classOf[id] ?? -1;
        const rgb = CHOROPLETH_COLORS[k];
        return rgb ? withAlpha(rgb, 175) : EMPTY_CLASS;
      };
      return { fillOf: fill, lineOf: (): Rgba => [20, 26, 38, 120], colorKey: choropleth.key };
    }
    const risk = (id: string) => RISK_COLORS[cells[id]?.risk ?? 'low'];
    return { fillOf: (id: string) => withAlpha(risk(id), 70), lineOf: (id: string) => withAlpha(risk(id), 200), colorKey: risks };
  }, [choropleth, cells, risks]);
  const cellsOn = toggles.cells || choropleth !== null;
  return [
    createCaseHeatmapLayer(heat, { ...display, visible: toggles.heatmap }),
    createConsoleCellLayer(cellsOn ? shown : [], { ...display, ...colors, fillOf: cellsOn ? colors.fillOf : () => NONE, visible: cellsOn }),
    createOutlineLayer(outlines.street, { ...display, level: 'street', visible: toggles.outlines && opts.zoom >= 11.5 }),
    createOutlineLayer(outlines.district, { ...display, level: 'district', visible: toggles.outlines }),
    ...opts.extra,
    createTeamTrailLayer(data.trails, { ...display, visible: toggles.trails }),
    createTaskLayer(data.tasks, { ...display, visible: toggles.tasks }),
    createCheckpointLayer(data.checkpoints, { ...display, visible: toggles.checkpoints }).clone({ pickable: true }),
    createTeamLayer(data.teams, { ...display, visible: toggles.teams }).clone({ pickable: true }),
    createIncidentLayer(data.incidents, { ...display, visible: toggles.incidents }),
    createSelectionLayer(data.selection, display),
  ];
}
