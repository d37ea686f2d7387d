import { useCallback, useMemo } from 'react';
import type { Cell, Checkpoint, Incident, Task, Team } from '../../shared/entities.js';
import { placedTeams } from '../map/layers/teamLayer.js';
import { teamTrails, type TeamTrail } from '../map/layers/teamTrailLayer.js';
import type { WallState } from '../state/picture.js';
import { choropleth, type AreaLevel, type Choropleth, type NumericField } from './model/aggregate.js';
import { cellPasses, filterCells, filterCheckpoints, filterIncidents, filterTasks, filterTeams, type ConsoleFilters } from './model/filters.js';

/** How the grid is coloured: by risk (field null) or by an area total of a numeric field. */
export interface Aggregation {
  level: AreaLevel;
  field: NumericField | null;
}

/** The picture shown (live or past) after the filters, in the shapes the map, KPIs and charts take. */
export interface ConsoleData {
  cells: Record<string, Cell>;
  shownCells: Record<string, Cell>;
  cellPasses: (cell: Cell) => boolean;
  checkpoints: Checkpoint[];
  teams: Record<string, Team>;
  placedTeams: Team[];
  trails: TeamTrail[];
  tasks: Task[];
  incidents: Incident[];
  choropleth: Choropleth | null;
}

const NO_CELLS: Record<string, Cell> = {};
const NO_TEAMS: Record<string, Team> = {};
const NO_CHECKPOINTS: Record<string, Checkpoint> = {};
const NO_TASKS: Record<string, Task> = {};
const NO_INCIDENTS: Record<string, Incident> = {};
const NO_TRAILS: WallState['trails'] = {};

/** Filtered views of `picture`, each memoised on the kinds it reads, so a team tick leaves cells alone. */
export function useConsoleData(picture: WallState | null, filters: ConsoleFilters, aggregation: Aggregation): ConsoleData {
  const cells = picture?.cells ?? NO_CELLS;
  const teamsAll = picture?.teams ?? NO_TEAMS;
  const checkpointsAll = picture?.checkpoints ?? NO_CHECKPOINTS;
  const tasksAll = picture?.tasks ?? NO_TASKS;
  const incidentsAll = picture?.incidents ?? NO_INCIDENTS;
  const trailsAll = picture?.trails ?? NO_TRAILS;
  const passes = useCallback((c: Cell) => cellPasses(filters, c), [filters]);
  const shownCells = useMemo(() => filterCells(cells, filters), [cells, filters]);
  const checkpoints = useMemo(() => filterCheckpoints(Object.values(checkpointsAll), filters), [checkpointsAll, filters]);
  const teams = useMemo(() => filterTeams(teamsAll, filters), [teamsAll, filters]);
  const placed = useMemo(() => placedTeams(Object.values(teams)), [teams]);
  const trails = useMemo(() => teamTrails(teams, trailsAll), [teams, trailsAll]);
  const tasks = useMemo(() => filterTasks(Object.values(tasksAll), filters), [tasksAll, filters]);
  const incidents = useMemo(() => filterIncidents(Object.values(incidentsAll)), [incidentsAll]);
  const { level, field } = aggregation;
  const choro = useMemo(() => (field ? choropleth(shownCells, level, field) : null), [shownCells, level, field]);
  return { cells, shownCells, cellPasses: passes, checkpoints, teams, placedTeams: placed, trails, tasks, incidents, choropleth: choro };
}
