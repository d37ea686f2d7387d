import type { Cell, Checkpoint, CheckpointStatus, DayTotals, Team } from '../../shared/entities.js';

/** Case totals over all cells. */
export interface CaseTotals {
  confirmed: number;
  active: number;
  cured: number;
  deaths: number;
}

/** Statuses counted as "open" on the wall: traffic still passes, with or without restrictions. */
export const OPEN_CHECKPOINT_STATUSES: readonly CheckpointStatus[] = ['open', 'restricted'];

export function caseTotals(cells: Record<string, Cell>): CaseTotals {
  const t: CaseTotals = { confirmed: 0, active: 0, cured: 0, deaths: 0 };
  for (const { counts } of Object.values(cells)) {
    t.confirmed += counts.confirmed;
    t.active += counts.active;
    t.cured += counts.cured;
    t.deaths += counts.deaths;
  }
  return t;
}

/** Checkpoints whose status is `open` or `restricted`. */
export function checkpointsOpen(checkpoints: Record<string, Checkpoint>): number {
  let n = 0;
  for (const c of Object.values(checkpoints)) if (OPEN_CHECKPOINT_STATUSES.includes(c.status)) n++;
  return n;
}

/** Teams whose status is anything but `off_duty`. */
export function teamsOnDuty(teams: Record<string, Team>): number {
  let n = 0;
  for (const t of Object.values(teams)) if (t.status !== 'off_duty') n++;
  return n;
}

/** Cases of one district, summed over its cells. */
export interface DistrictCases extends CaseTotals {
  districtCode: string;
  districtName: string;
}

/** Cases per district, most confirmed first (ties by code, so the order is stable). */
export function casesByDistrict(cells: Record<string, Cell>): DistrictCases[] {
  const byCode = new Map<string, DistrictCases>();
  for (const cell of Object.values(cells)) {
    let d = byCode.get(cell.districtCode);
    if (!d) {
      d = { districtCode: cell.districtCode, districtName: cell.districtName, confirmed: 0, active: 0, cured: 0, deaths: 0 };
      byCode.set(cell.districtCode, d);
    }
    d.confirmed += cell.counts.confirmed;
    d.active += cell.counts.active;
    d.cured += cell.counts.cured;
    d.deaths += cell.counts.deaths;
  }
  return [...byCode.values()].sort((a, b) => b.confirmed - a.confirmed || a.districtCode.localeCompare(b.districtCode));
}

/** Case-curve points in date order, up to and including `untilDate` (YYYY-MM-DD) when given. */
export function curvePoints(days: Record<string, DayTotals>, untilDate?: string): DayTotals[] {
  const points = Object.values(days).filter((d) => untilDate === undefined || d.date <= untilDate);
  return points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
