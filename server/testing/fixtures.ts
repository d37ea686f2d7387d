import type { Cell, Checkpoint, Task, Team } from '../../shared/entities.js';
import type { LogEvent, NewEvent } from '../../shared/events.js';
import type { SeedEntities } from '../ledger/seed.js';

/** Test fixtures: each call builds a fresh object, so tests share no state. */
export const T0 = Date.UTC(2020, 1, 10, 2, 0, 0);

export function createCell(over: Partial<Cell> = {}): Cell {
  return {
    id: 'c1',
    polygon: [
      [114.3, 30.58],
      [114.301, 30.58],
      [114.301, 30.581],
    ],
    districtCode: '420106',
    districtName: '武昌区',
    streetCode: '420106001',
    streetName: '积玉桥街道',
    communityCode: '420106001001',
    communityName: '和平社区',
    population: 2400,
    households: 920,
    gridWorker: { name: '李娟' },
    counts: { confirmed: 0, active: 0, cured: 0, deaths: 0, suspected: 0, closeContacts: 0, homeQuarantine: 0, feverToday: 0 },
    risk: 'low',
    lastVisitAt: null,
    updatedAt: T0,
    ...over,
  };
}

export function createCheckpoint(over: Partial<Checkpoint> = {}): Checkpoint {
  return {
    id: 'k1',
    name: '长江大桥武昌桥头卡口',
    position: [114.29, 30.55],
    kind: 'bridge',
    districtCode: '420106',
    status: 'open',
    staffOnDuty: 6,
    today: { inboundPersons: 0, outboundPersons: 0, inboundVehicles: 0, outboundVehicles: 0, passesChecked: 0, refused: 0, incidents: 0 },
    updatedAt: T0,
    ...over,
  };
}

export function createTeam(over: Partial<Team> = {}): Team {
  return {
    id: 't1',
    name: '武昌区消杀一队',
    kind: 'disinfection',
    members: 6,
    districtCode: '420106',
    position: [114.3, 30.56],
    headingDeg: null,
    speedMps: null,
    accuracyM: null,
    batteryPct: 90,
    status: 'on_duty',
    taskId: null,
    reportedAt: null,
    receivedAt: null,
    updatedAt: T0,
    ...over,
  };
}

export function createTask(over: Partial<Task> = {}): Task {
  return {
    id: 'task1',
    siteName: '武汉市中心医院',
    siteKind: 'hospital',
    position: [114.28, 30.59],
    districtCode: '420103',
    areaM2: 12000,
    teamId: null,
    status: 'pending',
    dueAt: null,
    completedAt: null,
    updatedAt: T0,
    ...over,
  };
}

/** A small world: 3 cells, 2 checkpoints, 2 teams, 1 task. */
export function createSeed(): SeedEntities {
  return {
    cells: [createCell(), createCell({ id: 'c2', districtCode: '420102', districtName: '江岸区' }), createCell({ id: 'c3' })],
    checkpoints: [createCheckpoint(), createCheckpoint({ id: 'k2', name: '三环线卡口', kind: 'ring_road' })],
    teams: [createTeam(), createTeam({ id: 't2', name: '江岸区巡逻一队', kind: 'patrol' })],
    tasks: [createTask()],
  };
}

let counter = 0;
/** A fresh client report id. */
export function rid(prefix = 'r'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36).padStart(6, '0')}`;
}

export function position(teamId: string, lng: number, lat: number, recordedAt: number) {
  return { reportId: rid('p'), recordedAt, teamId, position: [lng, lat] as [number, number] };
}

/** Turns a seed into logged upsert events with seqs from 1. */
export function seedEvents(seed: SeedEntities): LogEvent[] {
  const list: NewEvent[] = [
    ...seed.cells.map((data) => ({ type: 'cell:upserted' as const, data })),
    ...seed.checkpoints.map((data) => ({ type: 'checkpoint:upserted' as const, data })),
    ...seed.teams.map((data) => ({ type: 'team:upserted' as const, data })),
    ...seed.tasks.map((data) => ({ type: 'task:upserted' as const, data })),
  ].map((e) => ({ ...e, actor: 'system:seed', reportId: null, deviceTime: null, serverTime: T0 }) as NewEvent);
  return list.map((e, i) => ({ ...e, seq: i + 1 }) as LogEvent);
}
