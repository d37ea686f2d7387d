import type { Team, TeamKind } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import type { DistrictRoads } from './districtRoads.js';
import { chineseNumber } from './names.js';
import { bearingDeg, round6 } from './planar.js';
import type { Rng } from './prng.js';
import type { RoadGraph } from './roadGraph.js';
import type { District } from './sources.js';

const LABEL: Record<TeamKind, string> = { disinfection: '消杀', patrol: '巡逻', volunteer: '志愿者', medical: '医疗' };
const MEMBERS: Record<TeamKind, [number, number]> = { disinfection: [4, 10], patrol: [3, 8], volunteer: [5, 12], medical: [3, 6] };
/** Share of a district's extra teams by kind; patrols dominate the 2020 rosters. */
const MIX: [TeamKind, number][] = [
  ['patrol', 0.35],
  ['disinfection', 0.25],
  ['volunteer', 0.25],
  ['medical', 0.15],
];
export const TARGET_TEAMS = 160;

export interface TeamInput {
  districts: District[];
  /** Grid cells per district code, to size each district's roster. */
  cellsPerDistrict: Map<string, number>;
  graph: RoadGraph;
  roads: DistrictRoads;
  rng: Rng;
  now: number;
}

/** How many teams of each kind a district fields: one of each, the rest by its share of cells. */
function roster(cells: number, totalCells: number, extraTotal: number): Map<TeamKind, number> {
  const extra = Math.round((extraTotal * cells) / totalCells);
  return new Map(MIX.map(([kind, share]) => [kind, 1 + Math.round(extra * share)]));
}

export function buildTeams(input: TeamInput): Team[] {
  const { rng, graph } = input;
  const totalCells = [...input.cellsPerDistrict.values()].reduce((a, b) => a + b, 0);
  const extraTotal = TARGET_TEAMS - 4 * input.districts.length;
  const teams: Team[] = [];
  for (const d of input.districts) {
    const nodes = input.roads.get(d.code) ?? [];
    for (const [kind, count] of roster(input.cellsPerDistrict.get(d.code) ?? 0, totalCells, extraTotal)) {
      for (let n = 1; n <= count; n++) {
        const node = rng.pick(nodes);
        const out = graph.edges[node] ?? [];
        const next = out.length > 0 ? rng.pick(out) : undefined;
        const here = graph.nodes[node] as LngLat;
        teams.push({
          id: `T-${d.code.slice(4)}-${kind.slice(0, 3)}-${String(n).padStart(2, '0')}`,
          name: `${d.name}${LABEL[kind]}${chineseNumber(n)}队`,
          kind,
          members: rng.int(...MEMBERS[kind]),
          districtCode: d.code,
          position: round6(here),
          headingDeg: next ? Math.round(bearingDeg(here, graph.nodes[next.to] as LngLat)) : null,
          speedMps: 0,
          accuracyM: 10,
          batteryPct: rng.int(60, 100),
          status: 'on_duty',
          taskId: null,
          reportedAt: null,
          receivedAt: null,
          updatedAt: input.now,
        });
      }
    }
  }
  return teams;
}
