import type { Cell, Checkpoint, CheckpointStatus, Incident, RiskLevel, Task, Team, TeamKind } from '../../../shared/entities.js';

export const RISKS: readonly RiskLevel[] = ['high', 'medium', 'low'];
export const TEAM_KINDS: readonly TeamKind[] = ['disinfection', 'patrol', 'volunteer', 'medical'];
export const CHECKPOINT_STATUSES: readonly CheckpointStatus[] = ['open', 'restricted', 'closed', 'lifted'];

/** What the official narrowed the picture to. Lists hold the values shown; all values = no filter. */
export interface ConsoleFilters {
  /** District code, or null for the whole city. */
  district: string | null;
  /** Street (街道) code; cells only, since checkpoints and teams carry no street. */
  street: string | null;
  risks: readonly RiskLevel[];
  teamKinds: readonly TeamKind[];
  checkpointStatuses: readonly CheckpointStatus[];
}

export const NO_FILTERS: ConsoleFilters = { district: null, street: null, risks: RISKS, teamKinds: TEAM_KINDS, checkpointStatuses: CHECKPOINT_STATUSES };

/** How many filters narrow the picture (for a badge and a "clear" button). */
export function activeFilterCount(f: ConsoleFilters): number {
  return [f.district !== null, f.street !== null, f.risks.length < RISKS.length, f.teamKinds.length < TEAM_KINDS.length, f.checkpointStatuses.length < CHECKPOINT_STATUSES.length].filter(Boolean).length;
}

/** Adds or removes one value of a multi-choice filter. */
export function toggle<T>(list: readonly T[], value: T): readonly T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

const inDistrict = (f: ConsoleFilters, code: string) => f.district === null || f.district === code;

export function cellPasses(f: ConsoleFilters, c: Cell): boolean {
  return inDistrict(f, c.districtCode) && (f.street === null || f.street === c.streetCode) && f.risks.includes(c.risk);
}

/**
 * Cells that pass, as a record. Returns `cells` itself when nothing filters them, so layers keep
 * their memoised data while no filter is set.
 */
export function filterCells(cells: Record<string, Cell>, f: ConsoleFilters): Record<string, Cell> {
  if (f.district === null && f.street === null && f.risks.length === RISKS.length) return cells;
  const out: Record<string, Cell> = {};
  for (const [id, c] of Object.entries(cells)) if (cellPasses(f, c)) out[id] = c;
  return out;
}

export function filterCheckpoints(list: readonly Checkpoint[], f: ConsoleFilters): Checkpoint[] {
  return list.filter((c) => inDistrict(f, c.districtCode) && f.checkpointStatuses.includes(c.status));
}

export function filterTeams(teams: Record<string, Team>, f: ConsoleFilters): Record<string, Team> {
  if (f.district === null && f.teamKinds.length === TEAM_KINDS.length) return teams;
  const out: Record<string, Team> = {};
  for (const [id, t] of Object.entries(teams)) if (inDistrict(f, t.districtCode) && f.teamKinds.includes(t.kind)) out[id] = t;
  return out;
}

export function filterTasks(list: readonly Task[], f: ConsoleFilters): Task[] {
  return f.district === null ? [...list] : list.filter((t) => t.districtCode === f.district);
}

/** Incidents carry no district; they are shown whatever the district filter. */
export function filterIncidents(list: readonly Incident[]): Incident[] {
  return [...list];
}

/** A district or street to choose from. */
export interface AreaOption {
  code: string;
  name: string;
  /** Parent district code, for streets. */
  district?: string;
}

/** Districts and streets present in the grid, by code, for the filter menus. */
export function areaOptions(cells: Iterable<Cell>): { districts: AreaOption[]; streets: AreaOption[] } {
  const districts = new Map<string, AreaOption>();
  const streets = new Map<string, AreaOption>();
  for (const c of cells) {
    if (!districts.has(c.districtCode)) districts.set(c.districtCode, { code: c.districtCode, name: c.districtName });
    if (!streets.has(c.streetCode)) streets.set(c.streetCode, { code: c.streetCode, name: c.streetName, district: c.districtCode });
  }
  const byCode = (a: AreaOption, b: AreaOption) => a.code.localeCompare(b.code);
  return { districts: [...districts.values()].sort(byCode), streets: [...streets.values()].sort(byCode) };
}
