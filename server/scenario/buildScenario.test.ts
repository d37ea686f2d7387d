import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Cell, Checkpoint, Task, Team, TeamKind } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { buildScenario } from './buildScenario.js';
import { createBankClassifier } from './districts.js';
import { inPolygon } from './planar.js';
import * as src from './sources.js';

const dataDir = path.resolve(import.meta.dirname, '../../data');
const NOW = Date.UTC(2024, 0, 1);
// Built once: a build takes ~1 s and nothing below mutates it.
const scenario = buildScenario({ dataDir, seed: 2020, now: NOW });

describe('buildScenario', () => {
  test('every entity passes its shared schema', () => {
    for (const c of scenario.cells) expect(Cell.safeParse(c).error).toBeUndefined();
    for (const c of scenario.checkpoints) expect(Checkpoint.safeParse(c).error).toBeUndefined();
    for (const t of scenario.teams) expect(Team.safeParse(t).error).toBeUndefined();
    for (const t of scenario.tasks) expect(Task.safeParse(t).error).toBeUndefined();
  });

  test('has the demo sizes: ≥ 5,000 cells, ≥ 80 checkpoints, ≥ 100 teams, ~60 tasks', () => {
    expect(scenario.cells.length).toBeGreaterThanOrEqual(5000);
    expect(scenario.checkpoints.length).toBeGreaterThanOrEqual(80);
    expect(scenario.teams.length).toBeGreaterThanOrEqual(100);
    expect(scenario.tasks.length).toBeGreaterThanOrEqual(50);
  });

  test('covers all 13 districts with cells and teams, and fields teams of all four kinds', () => {
    expect(new Set(scenario.cells.map((c) => c.districtCode)).size).toBe(13);
    expect(new Set(scenario.teams.map((t) => t.districtCode)).size).toBe(13);
    expect(new Set(scenario.teams.map((t) => t.kind))).toEqual(new Set(TeamKind.options));
  });

  test('ids are unique within each kind', () => {
    for (const list of [scenario.cells, scenario.checkpoints, scenario.teams, scenario.tasks]) {
      expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
    }
    expect(new Set(scenario.checkpoints.map((c) => c.name)).size).toBe(scenario.checkpoints.length);
  });

  test('cells carry real street and community codes and names of their district', () => {
    const streets = new Map(src.readStreets(dataDir).map((s) => [s.code, s]));
    const communities = new Map(src.readCommunities(dataDir).map((c) => [c.code, c]));
    for (const c of scenario.cells) {
      expect(streets.get(c.streetCode)).toMatchObject({ name: c.streetName, districtCode: c.districtCode });
      expect(communities.get(c.communityCode)).toMatchObject({ name: c.communityName, streetCode: c.streetCode });
    }
  });

  test('cells start quiet: 1,500–4,000 residents, zero counts, low risk, no visit', () => {
    for (const c of scenario.cells) {
      expect(c.population).toBeGreaterThanOrEqual(1500);
      expect(c.population).toBeLessThanOrEqual(4000);
      expect(Math.abs(c.households - c.population / 2.6)).toBeLessThan(1);
      expect(Object.values(c.counts).every((n) => n === 0)).toBe(true);
      expect([c.risk, c.lastVisitAt, c.updatedAt]).toEqual(['low', null, NOW]);
    }
  });

  test('no cell centre lies in the Yangtze or Han water polygons', () => {
    const water = src.readWaterPolygons(dataDir);
    const wet = scenario.cells.filter((c) => {
      const ring = c.polygon.slice(0, 6);
      const centre: LngLat = [ring.reduce((s, p) => s + p[0], 0) / 6, ring.reduce((s, p) => s + p[1], 0) / 6];
      return water.some((rings) => inPolygon(centre, rings));
    });
    expect(wet).toEqual([]);
  });

  test('teams start on a vertex of the shipped OSM road sample', () => {
    const vertices = new Set(src.readMainRoads(dataDir).flatMap((r) => r.coords.map((p) => `${p[0]},${p[1]}`)));
    for (const t of scenario.teams) expect(vertices.has(`${t.position?.[0]},${t.position?.[1]}`)).toBe(true);
  });

  test('checkpoints start open with empty tallies and cover bridges, exits, ring roads and borders', () => {
    expect(scenario.checkpoints.every((c) => c.status === 'open' && c.today.inboundPersons === 0)).toBe(true);
    const kinds = new Set(scenario.checkpoints.map((c) => c.kind));
    for (const k of ['bridge', 'highway_exit', 'ring_road', 'district_border', 'hospital', 'compound_gate']) expect(kinds).toContain(k);
    expect(scenario.checkpoints.some((c) => c.name === '武汉长江大桥汉阳桥头卡口')).toBe(true);
  });

  test('tasks are pending disinfection sites: hospitals from the list, transfer stations, landfills', () => {
    expect(scenario.tasks.every((t) => t.status === 'pending' && t.teamId === null)).toBe(true);
    const names = scenario.tasks.map((t) => t.siteName);
    expect(names).toContain('武汉市金银潭医院');
    expect(names).toContain('武汉雷神山医院');
    expect(scenario.tasks.some((t) => t.siteKind === 'landfill')).toBe(true);
    expect(scenario.tasks.some((t) => t.siteKind === 'transfer_station')).toBe(true);
  });

  test('is deterministic for a seed and varies with it', () => {
    expect(buildScenario({ dataDir, seed: 2020, now: NOW })).toEqual(scenario);
    const other = buildScenario({ dataDir, seed: 7, now: NOW });
    expect(other.teams.map((t) => t.position)).not.toEqual(scenario.teams.map((t) => t.position));
  });
});

describe('createBankClassifier', () => {
  test('puts each district centre on its bank of the Yangtze and Han', () => {
    const bankOf = createBankClassifier(src.readRiverLines(dataDir));
    const banks = Object.fromEntries(src.readDistricts(dataDir).map((d) => [d.name, bankOf(d.centre)]));
    expect(banks).toEqual({
      江岸区: 'hankou', 江汉区: 'hankou', 硚口区: 'hankou', 东西湖区: 'hankou', 黄陂区: 'hankou', 新洲区: 'hankou',
      汉阳区: 'hanyang', 蔡甸区: 'hanyang', 汉南区: 'hanyang',
      武昌区: 'wuchang', 青山区: 'wuchang', 洪山区: 'wuchang', 江夏区: 'wuchang',
    });
  });
});
