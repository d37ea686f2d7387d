import type { Cell, Checkpoint, Task, Team } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { type AdminPlace, assignAdmin } from './admin.js';
import { buildCheckpoints } from './checkpoints.js';
import { createBankClassifier, createDistrictLocator } from './districts.js';
import { roadsByDistrict } from './districtRoads.js';
import { CITY_CENTRE, CORE_RADIUS_M, type GridCell, buildGrid } from './grid.js';
import { personName } from './names.js';
import { distM } from './planar.js';
import { createRng, rngFor } from './prng.js';
import { buildRoadGraph } from './roadGraph.js';
import * as src from './sources.js';
import { buildTasks } from './tasks.js';
import { buildTeams } from './teams.js';

/** The demo world at the start of the scenario, before any case or movement. */
export interface Scenario {
  cells: Cell[];
  checkpoints: Checkpoint[];
  teams: Team[];
  tasks: Task[];
}

export interface ScenarioOptions {
  /** The repo's `data/` folder. */
  dataDir: string;
  seed: number;
  /** `updatedAt` of every entity. */
  now: number;
}

/** Deterministic for a seed: same seed and data, same grid, checkpoints, teams and tasks. */
export function buildScenario(opts: ScenarioOptions): Scenario {
  const { dataDir, seed, now } = opts;
  const districts = src.readDistricts(dataDir);
  const rivers = src.readRiverLines(dataDir);
  const water = src.readWaterPolygons(dataDir);
  const districtOf = createDistrictLocator(districts, createBankClassifier(rivers));
  const grid = buildGrid({ water, han: rivers.get('汉江') ?? [], districts, districtOf });
  const places = assignAdmin(grid, { districts, streets: src.readStreets(dataDir), communities: src.readCommunities(dataDir), districtOf });
  const cells = grid.map((g, i) => toCell(g, places[i] as AdminPlace, seed, now));

  const roads = src.readMainRoads(dataDir);
  const graph = buildRoadGraph(roads);
  const byDistrict = roadsByDistrict(graph, districts, districtOf);
  const tasks = buildTasks({ hospitals: src.readHospitals(dataDir), districts, places, graph, roads: byDistrict, rng: createRng(seed ^ 0x7a5c), now });

  const cellsPerDistrict = new Map<string, number>();
  for (const c of cells) cellsPerDistrict.set(c.districtCode, (cellsPerDistrict.get(c.districtCode) ?? 0) + 1);
  const teams = buildTeams({ districts, cellsPerDistrict, graph, roads: byDistrict, rng: createRng(seed ^ 0x7ea3), now });

  const checkpoints = buildCheckpoints({
    roads,
    rivers,
    water,
    districtOf,
    hospitals: tasks.filter((t) => t.siteKind === 'hospital').map((t) => ({ name: t.siteName, position: t.position })),
    cells: grid.map((g, i) => ({ centre: g.centre, place: places[i] as AdminPlace })),
    rng: createRng(seed ^ 0xc4e1),
    now,
  });
  return { cells, checkpoints, teams, tasks };
}

/** Denser towards the centre: 1,500–4,000 residents per ~0.1 km² cell. */
function population(centre: LngLat, seed: number, id: string): number {
  const rng = rngFor(seed, `pop:${id}`);
  const urban = Math.max(0, 1 - distM(centre, CITY_CENTRE) / CORE_RADIUS_M) ** 0.6;
  return Math.round(1500 + 2500 * Math.min(1, urban * rng.range(0.55, 1) + rng.range(0, 0.25)));
}

function toCell(g: GridCell, place: AdminPlace, seed: number, now: number): Cell {
  const people = population(g.centre, seed, g.id);
  return {
    id: g.id,
    polygon: g.polygon,
    ...place,
    population: people,
    households: Math.round(people / 2.6),
    gridWorker: { name: personName(rngFor(seed, `worker:${g.id}`)) },
    counts: { confirmed: 0, active: 0, cured: 0, deaths: 0, suspected: 0, closeContacts: 0, homeQuarantine: 0, feverToday: 0 },
    risk: 'low',
    lastVisitAt: null,
    updatedAt: now,
  };
}
