import type { Cell } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { shanghaiMidnight } from '../../shared/time.js';
import { createCaseModel } from '../scenario/cases.js';
import { buildCurve, readWuhanDaily } from '../scenario/curve.js';
import { districtTargets, readDistrictSnapshot } from '../scenario/districtShares.js';
import { createBankClassifier, createDistrictLocator } from '../scenario/districts.js';
import { buildRoadGraph } from '../scenario/roadGraph.js';
import { readDistricts, readMainRoads, readRiverLines } from '../scenario/sources.js';
import { components } from './routing.js';
import type { SimContext } from './state.js';

/** Road graph, case model and clock limits, from the shipped data and the server's cells. */
export function createSimContext(opts: { dataDir: string; seed: number; speed: number; cells: Cell[] }): SimContext {
  const graph = buildRoadGraph(readMainRoads(opts.dataDir));
  const districtOf = createDistrictLocator(readDistricts(opts.dataDir), createBankClassifier(readRiverLines(opts.dataDir)));
  const curve = buildCurve(readWuhanDaily(opts.dataDir));
  // Sorted, so the allocation is the same on every start whatever order the snapshot lists cells in.
  const cells = [...opts.cells].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cases = createCaseModel({ cells, curve, districts: districtTargets(readDistrictSnapshot(opts.dataDir)), seed: opts.seed });
  const lastDay = curve[curve.length - 1]?.date ?? '2020-04-29';
  return {
    graph,
    comp: components(graph),
    nodeDistrict: graph.nodes.map((p: LngLat) => districtOf(p).code),
    cases,
    seed: opts.seed,
    speed: opts.speed,
    endTime: shanghaiMidnight(lastDay) + 86_399_000,
  };
}
