import type { LngLat } from '../../shared/geo.js';
import { groupBy } from './groupBy.js';
import { dist2 } from './planar.js';
import type { RoadGraph } from './roadGraph.js';
import type { District } from './sources.js';

/** Road-graph nodes per district code: where a district's teams and sites can stand on a road. */
export type DistrictRoads = Map<string, number[]>;

/** The sample covers ~30 km around the centre, so 新洲/黄陂 have (almost) no roads: use the nodes nearest their seat. */
const MIN_NODES = 40;

export function roadsByDistrict(graph: RoadGraph, districts: District[], districtOf: (p: LngLat) => District): DistrictRoads {
  const grouped = groupBy(
    graph.nodes.map((_, i) => i),
    (i) => districtOf(graph.nodes[i] as LngLat).code,
  );
  const out: DistrictRoads = new Map();
  for (const d of districts) {
    const own = grouped.get(d.code) ?? [];
    out.set(d.code, own.length >= MIN_NODES ? own : nearestNodes(graph, d.centre, MIN_NODES));
  }
  return out;
}

function nearestNodes(graph: RoadGraph, p: LngLat, n: number): number[] {
  return graph.nodes
    .map((q, i) => ({ i, d: dist2(q, p) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, n)
    .map((x) => x.i);
}
