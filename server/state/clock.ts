import type { DayTotals } from '../../shared/entities.js';
import type { LogEvent } from '../../shared/events.js';
import type { PictureState } from '../../shared/protocol.js';
import { shanghaiDate } from '../../shared/time.js';
import { riskOf } from '../../shared/risk.js';
import type { ChangeSet } from './changes.js';

/** City totals over all cells. */
export function cityTotals(state: PictureState, date: string): DayTotals {
  const t: DayTotals = { date, confirmed: 0, active: 0, cured: 0, deaths: 0 };
  for (const id in state.cells) {
    const c = state.cells[id]!.counts;
    t.confirmed += c.confirmed;
    t.active += c.active;
    t.cured += c.cured;
    t.deaths += c.deaths;
  }
  return t;
}

/**
 * Sets the scenario clock and records the city totals for the scenario day on the case curve.
 * When the day changes, "today" tallies start again from zero, as they did on the paper forms.
 */
export function applyClock(state: PictureState, e: LogEvent<'clock:set'>, changes: ChangeSet): void {
  const prevDate = state.clock ? shanghaiDate(state.clock.scenarioTime) : null;
  const date = shanghaiDate(e.data.scenarioTime);
  if (prevDate !== null && prevDate !== date) resetDaily(state, e.serverTime, changes);
  // Cell reports keep the current day's totals up to date (cells.ts), so a new day starts from the
  // previous day's point; summing 5,000 cells on every clock tick made replay 10× slower.
  const current = prevDate !== null ? state.days[prevDate] : undefined;
  const totals = current ? { ...current, date } : cityTotals(state, date);
  state.clock = { scenarioTime: e.data.scenarioTime, speed: e.data.speed };
  changes.clock = true;
  const old = state.days[date];
  if (!old || old.confirmed !== totals.confirmed || old.active !== totals.active || old.cured !== totals.cured || old.deaths !== totals.deaths) {
    state.days[date] = totals;
    changes.days.add(date);
  }
}

function resetDaily(state: PictureState, now: number, changes: ChangeSet): void {
  for (const cp of Object.values(state.checkpoints)) {
    if (Object.values(cp.today).every((v) => v === 0)) continue;
    state.checkpoints[cp.id] = {
      ...cp,
      today: { inboundPersons: 0, outboundPersons: 0, inboundVehicles: 0, outboundVehicles: 0, passesChecked: 0, refused: 0, incidents: 0 },
      updatedAt: now,
    };
    changes.ids.checkpoints.add(cp.id);
  }
  for (const team of Object.values(state.teams)) {
    if (!team.deliveriesToday) continue;
    state.teams[team.id] = { ...team, deliveriesToday: 0, updatedAt: now };
    changes.ids.teams.add(team.id);
  }
  for (const cell of Object.values(state.cells)) {
    if (cell.counts.feverToday === 0) continue;
    const counts = { ...cell.counts, feverToday: 0 };
    state.cells[cell.id] = { ...cell, counts, risk: riskOf(counts), updatedAt: now };
    changes.ids.cells.add(cell.id);
  }
}
