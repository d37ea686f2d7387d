import type { CellCounts } from '../../shared/entities.js';
import { cellTargetsOn } from '../scenario/cases.js';
import type { Planned, SimState } from './state.js';

const FIELDS: (keyof CellCounts)[] = ['confirmed', 'active', 'cured', 'deaths', 'suspected', 'closeContacts', 'homeQuarantine', 'feverToday'];

/**
 * On a new scenario date: the day's counts for every cell whose counts changed. Absolute and
 * complete, so the outbox may coalesce a backlog to each cell's newest report.
 * The server zeroes `feverToday` at the day change; the simulator mirrors that before comparing.
 */
export function planCellReports(s: SimState, date: string): Planned[] {
  const targets = cellTargetsOn(s.ctx.cases, date);
  const planned: Planned[] = [];
  const active = new Map<string, number>();
  s.ctx.cases.cellIds.forEach((cellId, i) => {
    const target = targets[i] as CellCounts;
    const cell = s.world.cells.get(cellId);
    if (!cell) return;
    active.set(cell.districtCode, (active.get(cell.districtCode) ?? 0) + target.active);
    const known = { ...(s.sentCounts.get(cellId) ?? cell.counts), feverToday: 0 };
    if (FIELDS.every((f) => known[f] === target[f])) return;
    s.sentCounts.set(cellId, target);
    planned.push({ command: { name: 'cell:report', payload: { ...s.stamp(), cellId, counts: target } }, key: `cell:${cellId}` });
  });
  s.districtActive = active;
  return planned;
}
