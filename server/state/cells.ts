import type { CellCounts } from '../../shared/entities.js';
import type { LogEvent } from '../../shared/events.js';
import type { PictureState } from '../../shared/protocol.js';
import { riskOf } from '../../shared/risk.js';
import { shanghaiDate } from '../../shared/time.js';
import type { ChangeSet } from './changes.js';

/** Merges reported counts; `active` follows confirmed − cured − deaths unless reported itself. */
export function mergeCounts(old: CellCounts, reported: Partial<CellCounts>): CellCounts {
  const next = { ...old, ...reported };
  const outcomeReported = reported.confirmed !== undefined || reported.cured !== undefined || reported.deaths !== undefined;
  if (reported.active === undefined && outcomeReported) {
    next.active = Math.max(0, next.confirmed - next.cured - next.deaths);
  }
  return next;
}

export function applyCellReport(state: PictureState, e: LogEvent<'cell:report'>, changes: ChangeSet): void {
  const cell = state.cells[e.data.cellId];
  if (!cell) return;
  const counts = mergeCounts(cell.counts, e.data.counts);
  state.cells[cell.id] = { ...cell, counts, risk: riskOf(counts), updatedAt: e.serverTime };
  changes.ids.cells.add(cell.id);
  addToToday(state, cell.counts, counts, changes);
}

/** Keeps today's point of the case curve equal to the sum over cells, whatever the report rate. */
function addToToday(state: PictureState, before: CellCounts, after: CellCounts, changes: ChangeSet): void {
  if (!state.clock) return;
  const date = shanghaiDate(state.clock.scenarioTime);
  const day = state.days[date];
  if (!day) return;
  const next = { ...day };
  for (const k of ['confirmed', 'active', 'cured', 'deaths'] as const) next[k] += after[k] - before[k];
  if (next.confirmed === day.confirmed && next.active === day.active && next.cured === day.cured && next.deaths === day.deaths) return;
  state.days[date] = next;
  changes.days.add(date);
}

export function applyCellVisit(state: PictureState, e: LogEvent<'cell:visit'>, changes: ChangeSet): void {
  const cell = state.cells[e.data.cellId];
  if (!cell) return;
  const counts = { ...cell.counts, feverToday: cell.counts.feverToday + e.data.feverFound };
  const lastVisitAt = Math.max(cell.lastVisitAt ?? 0, e.data.recordedAt);
  state.cells[cell.id] = { ...cell, counts, risk: riskOf(counts), lastVisitAt, updatedAt: e.serverTime };
  changes.ids.cells.add(cell.id);
}
