// Compact test fixtures. Each call returns fresh objects, so no state leaks between tests.
import type { Cell, CellCounts, Checkpoint, DayTotals, Incident, Team } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { emptyState, type Delta, type PictureState, type Snapshot } from '../../shared/protocol.js';

export const T0 = Date.UTC(2020, 2, 12, 6, 5); // 2020-03-12 14:05 Asia/Shanghai

export function createCounts(over: Partial<CellCounts> = {}): CellCounts {
  return { confirmed: 0, active: 0, cured: 0, deaths: 0, suspected: 0, closeContacts: 0, homeQuarantine: 0, feverToday: 0, ...over };
}

/** A small square cell around `at`. */
export function createCell(id: string, over: Partial<Cell> & { at?: LngLat } = {}): Cell {
  const { at = [114.3, 30.58], ...rest } = over;
  const [x, y] = at;
  const d = 0.005;
  return {
    id,
    polygon: [[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]],
    districtCode: '420106',
    districtName: '武昌区',
    streetCode: '420106001',
    streetName: '积玉桥街道',
    communityCode: '420106001001',
    communityName: '复兴社区',
    population: 3000,
    households: 1000,
    gridWorker: { name: '张敏' },
    counts: createCounts(),
    risk: 'low',
    lastVisitAt: null,
    updatedAt: T0,
    ...rest,
  };
}

export function createCheckpoint(id: string, over: Partial<Checkpoint> = {}): Checkpoint {
  return {
    id,
    name: `卡口 ${id}`,
    position: [114.31, 30.59],
    kind: 'bridge',
    districtCode: '420106',
    status: 'open',
    staffOnDuty: 6,
    today: { inboundPersons: 0, outboundPersons: 0, inboundVehicles: 0, outboundVehicles: 0, passesChecked: 0, refused: 0, incidents: 0 },
    updatedAt: T0,
    ...over,
  };
}

export function createTeam(id: string, over: Partial<Team> = {}): Team {
  return {
    id,
    name: `队伍 ${id}`,
    kind: 'patrol',
    members: 4,
    districtCode: '420106',
    position: [114.3, 30.58],
    headingDeg: null,
    speedMps: null,
    accuracyM: null,
    batteryPct: null,
    status: 'on_duty',
    taskId: null,
    reportedAt: T0,
    receivedAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function createIncident(id: string, over: Partial<Incident> = {}): Incident {
  return { id, kind: 'other', severity: 'medium', position: [114.3, 30.58], note: '', teamId: null, checkpointId: null, status: 'open', reportedAt: T0, receivedAt: T0, updatedAt: T0, ...over };
}

export function createDay(date: string, confirmed: number): DayTotals {
  return { date, confirmed, active: Math.round(confirmed * 0.6), cured: Math.round(confirmed * 0.35), deaths: Math.round(confirmed * 0.05) };
}

/** A snapshot at `seq` holding the given entities. */
export function createSnapshot(
  seq: number,
  entities: { cells?: Cell[]; checkpoints?: Checkpoint[]; teams?: Team[]; days?: DayTotals[] } = {},
): Snapshot {
  const state: PictureState = { ...emptyState(), seq, clock: { scenarioTime: T0, speed: 1440 } };
  for (const c of entities.cells ?? []) state.cells[c.id] = c;
  for (const c of entities.checkpoints ?? []) state.checkpoints[c.id] = c;
  for (const t of entities.teams ?? []) state.teams[t.id] = t;
  for (const d of entities.days ?? []) state.days[d.date] = d;
  return { logId: 'log-a', seq, serverTime: T0, state };
}

export function createDelta(fromSeq: number, toSeq: number, over: Partial<Delta> = {}): Delta {
  return { fromSeq, toSeq, serverTime: T0 + toSeq * 1000, ...over };
}
