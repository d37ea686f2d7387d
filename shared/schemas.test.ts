import { describe, expect, test } from 'vitest';
import { Cell, Checkpoint, Team } from './entities.js';
import { CellCountsReport, CheckpointTallyReport, IncidentCreate, PositionReport, ReportId } from './commands.js';
import { EpochMs, LngLat } from './geo.js';
import { riskOf } from './risk.js';
import { shanghaiDate, shanghaiMidnight } from './time.js';

const T = Date.UTC(2020, 1, 10);
const validPosition = { reportId: 'abcdefgh', recordedAt: T, teamId: 't1', position: [114.3, 30.5] };
const counts = { confirmed: 0, active: 0, cured: 0, deaths: 0, suspected: 0, closeContacts: 0, homeQuarantine: 0, feverToday: 0 };

describe('geo', () => {
  test('accepts the coordinate range edges and refuses beyond them', () => {
    expect(LngLat.safeParse([180, -90]).success).toBe(true);
    expect(LngLat.safeParse([-180, 90]).success).toBe(true);
    expect(LngLat.safeParse([180.0001, 0]).success).toBe(false);
    expect(LngLat.safeParse([0, 90.5]).success).toBe(false);
    expect(LngLat.safeParse([NaN, 0]).success).toBe(false);
    expect(LngLat.safeParse([Infinity, 0]).success).toBe(false);
    expect(LngLat.safeParse([114.3]).success).toBe(false);
    expect(LngLat.safeParse(['114.3', '30.5']).success).toBe(false);
  });

  test('catches timestamps in the wrong unit', () => {
    expect(EpochMs.safeParse(T).success).toBe(true);
    expect(EpochMs.safeParse(T / 1000).error?.issues[0]?.message).toMatch(/seconds/);
    expect(EpochMs.safeParse(T * 1000).error?.issues[0]?.message).toMatch(/microseconds/);
    expect(EpochMs.safeParse(T + 0.5).success).toBe(false);
  });
});

describe('commands', () => {
  test('a minimal position report is valid; optional fields are range-checked', () => {
    expect(PositionReport.safeParse(validPosition).success).toBe(true);
    expect(PositionReport.safeParse({ ...validPosition, speedMps: 0, headingDeg: 360, batteryPct: 100 }).success).toBe(true);
    expect(PositionReport.safeParse({ ...validPosition, headingDeg: 361 }).success).toBe(false);
    expect(PositionReport.safeParse({ ...validPosition, batteryPct: -1 }).success).toBe(false);
    expect(PositionReport.safeParse({ ...validPosition, speedMps: 101 }).success).toBe(false);
  });

  test('refuses unknown fields, missing fields and wrong types', () => {
    expect(PositionReport.safeParse({ ...validPosition, admin: true }).success).toBe(false);
    const { teamId: _drop, ...noTeam } = validPosition;
    expect(PositionReport.safeParse(noTeam).success).toBe(false);
    expect(PositionReport.safeParse({ ...validPosition, teamId: 7 }).success).toBe(false);
    expect(PositionReport.safeParse(null).success).toBe(false);
  });

  test('report ids are 8–64 url-safe characters', () => {
    expect(ReportId.safeParse('a'.repeat(8)).success).toBe(true);
    expect(ReportId.safeParse('a'.repeat(64)).success).toBe(true);
    expect(ReportId.safeParse('a'.repeat(7)).success).toBe(false);
    expect(ReportId.safeParse('a'.repeat(65)).success).toBe(false);
    expect(ReportId.safeParse('abc def gh').success).toBe(false);
  });

  test('tally increments default to zero and must be whole, non-negative numbers', () => {
    const r = CheckpointTallyReport.parse({ reportId: 'abcdefgh', recordedAt: T, checkpointId: 'k1', refused: 2 });
    expect(r).toMatchObject({ inboundPersons: 0, refused: 2 });
    expect(CheckpointTallyReport.safeParse({ reportId: 'abcdefgh', recordedAt: T, checkpointId: 'k1', refused: 1.5 }).success).toBe(false);
    expect(CheckpointTallyReport.safeParse({ reportId: 'abcdefgh', recordedAt: T, checkpointId: 'k1', refused: -1 }).success).toBe(false);
  });

  test('an incident note keeps free text as given, up to 2,000 characters', () => {
    const base = { reportId: 'abcdefgh', recordedAt: T, incidentId: 'i1', kind: 'forced_passage', severity: 'high', position: [114.3, 30.5] };
    expect(IncidentCreate.parse({ ...base, note: '<img src=x onerror=alert(1)>' }).note).toBe('<img src=x onerror=alert(1)>');
    expect(IncidentCreate.safeParse({ ...base, note: 'x'.repeat(2001) }).success).toBe(false);
    expect(IncidentCreate.safeParse({ ...base, kind: 'riot' }).success).toBe(false);
  });

  test('a counts report must name at least one count', () => {
    expect(CellCountsReport.safeParse({ reportId: 'abcdefgh', recordedAt: T, cellId: 'c1', counts: { confirmed: 3 } }).success).toBe(true);
    expect(CellCountsReport.safeParse({ reportId: 'abcdefgh', recordedAt: T, cellId: 'c1', counts: {} }).success).toBe(false);
  });
});

describe('entities', () => {
  const cell = {
    id: '8940aa4a0a3ffff',
    polygon: [[114.3, 30.5], [114.31, 30.5], [114.31, 30.51]],
    districtCode: '420106', districtName: '武昌区', streetCode: '420106001', streetName: '积玉桥街道',
    communityCode: '420106001001', communityName: '和平社区', population: 2000, households: 800,
    gridWorker: { name: '王芳' }, counts, risk: 'low', lastVisitAt: null, updatedAt: T,
  };
  test('a grid cell needs a polygon of at least 3 vertices and real admin codes', () => {
    expect(Cell.safeParse(cell).success).toBe(true);
    expect(Cell.safeParse({ ...cell, polygon: cell.polygon.slice(0, 2) }).success).toBe(false);
    expect(Cell.safeParse({ ...cell, districtCode: 'WC' }).success).toBe(false);
    expect(Cell.safeParse({ ...cell, risk: 'severe' }).success).toBe(false);
  });
  test('checkpoint status and team kind are closed vocabularies', () => {
    const cp = { id: 'k1', name: '卡口', position: [114.3, 30.5], kind: 'bridge', districtCode: '420106', status: 'lifted', staffOnDuty: 0, updatedAt: T,
      today: { inboundPersons: 0, outboundPersons: 0, inboundVehicles: 0, outboundVehicles: 0, passesChecked: 0, refused: 0, incidents: 0 } };
    expect(Checkpoint.safeParse(cp).success).toBe(true);
    expect(Checkpoint.safeParse({ ...cp, status: 'half-open' }).success).toBe(false);
    const team = { id: 't1', name: '队', kind: 'patrol', members: 3, districtCode: '420106', position: null, headingDeg: null, speedMps: null,
      accuracyM: null, batteryPct: null, status: 'on_duty', taskId: null, reportedAt: null, receivedAt: null, updatedAt: T };
    expect(Team.safeParse(team).success).toBe(true);
    expect(Team.safeParse({ ...team, kind: 'army' }).success).toBe(false);
    expect(Team.safeParse({ ...team, members: 0 }).success).toBe(false);
  });
});

describe('domain rules', () => {
  test('risk: active cases → high; suspected, fever or ≥5 close contacts → medium; else low', () => {
    expect(riskOf({ ...counts, active: 1 })).toBe('high');
    expect(riskOf({ ...counts, suspected: 1 })).toBe('medium');
    expect(riskOf({ ...counts, closeContacts: 5 })).toBe('medium');
    expect(riskOf({ ...counts, closeContacts: 4, confirmed: 9, cured: 9 })).toBe('low');
  });
  test('scenario dates are Asia/Shanghai days', () => {
    expect(shanghaiDate(Date.parse('2020-03-12T15:59:59Z'))).toBe('2020-03-12');
    expect(shanghaiDate(Date.parse('2020-03-12T16:00:00Z'))).toBe('2020-03-13');
    expect(shanghaiMidnight('2020-01-20')).toBe(Date.parse('2020-01-19T16:00:00Z'));
  });
});
