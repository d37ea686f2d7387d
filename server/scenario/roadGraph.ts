import type { LngLat } from '../../shared/geo.js';
import { dist2, distM } from './planar.js';
import type { Road } from './sources.js';

/** One directed step between two road vertices. */
export interface RoadEdge {
  to: number;
  lengthM: number;
  /** Index into `RoadGraph.roads`; -1 for a hop joining two ways the sample left apart. */
  road: number;
}

/** The main-road sample as a graph: shared OSM vertices are junctions, nearby loose ends are joined. */
export interface RoadGraph {
  nodes: LngLat[];
  edges: RoadEdge[][];
  roads: Road[];
  /** Index of the node nearest to `p`. */
  nearestNode(p: LngLat): number;
}

/** The sample is a subset of OSM, so ways often stop short of each other; join ends this close. */
const JOIN_RADIUS_M = 150;
const BUCKET_DEG = 0.005;

function bucketKey(p: LngLat): string {
  return `${Math.floor(p[0] / BUCKET_DEG)}:${Math.floor(p[1] / BUCKET_DEG)}`;
}

export function buildRoadGraph(roads: Road[]): RoadGraph {
  const nodes: LngLat[] = [];
  const edges: RoadEdge[][] = [];
  const idByKey = new Map<string, number>();
  const wayOfNode: number[] = [];
  const nodeId = (p: LngLat, way: number): number => {
    const key = `${p[0]},${p[1]}`;
    let id = idByKey.get(key);
    if (id === undefined) {
      id = nodes.length;
      idByKey.set(key, id);
      nodes.push(p);
      edges.push([]);
      wayOfNode.push(way);
    }
    return id;
  };
  const link = (a: number, b: number, road: number): void => {
    if (a === b) return;
    const lengthM = distM(nodes[a] as LngLat, nodes[b] as LngLat);
    (edges[a] as RoadEdge[]).push({ to: b, lengthM, road });
    (edges[b] as RoadEdge[]).push({ to: a, lengthM, road });
  };
  roads.forEach((road, r) => {
    const ids = road.coords.map((p) => nodeId(p, r));
    for (let i = 0; i + 1 < ids.length; i++) link(ids[i] as number, ids[i + 1] as number, r);
  });
  const buckets = indexNodes(nodes);
  const near = (p: LngLat, radiusM: number): number[] => nodesNear(buckets, nodes, p, radiusM);
  nodes.forEach((p, i) => {
    if ((edges[i] as RoadEdge[]).length !== 1) return;
    const other = near(p, JOIN_RADIUS_M).find((j) => j !== i && wayOfNode[j] !== wayOfNode[i]);
    if (other !== undefined && !(edges[i] as RoadEdge[]).some((e) => e.to === other)) link(i, other, -1);
  });
  const nearestNode = (p: LngLat): number => {
    for (const r of [300, 1500, 6000]) {
      const hit = near(p, r)[0];
      if (hit !== undefined) return hit;
    }
    return nodes.reduce((best, n, i) => (dist2(n, p) < dist2(nodes[best] as LngLat, p) ? i : best), 0);
  };
  return { nodes, edges, roads, nearestNode };
}

function indexNodes(nodes: LngLat[]): Map<string, number[]> {
  const buckets = new Map<string, number[]>();
  nodes.forEach((p, i) => {
    const k = bucketKey(p);
    const list = buckets.get(k);
    if (list) list.push(i);
    else buckets.set(k, [i]);
  });
  return buckets;
}

/** Nodes within `radiusM` of `p`, nearest first. */
function nodesNear(buckets: Map<string, number[]>, nodes: LngLat[], p: LngLat, radiusM: number): number[] {
  const span = Math.ceil(radiusM / (BUCKET_DEG * 95_000)) + 1;
  const bx = Math.floor(p[0] / BUCKET_DEG);
  const by = Math.floor(p[1] / BUCKET_DEG);
  const hits: { i: number; d: number }[] = [];
  for (let x = bx - span; x <= bx + span; x++) {
    for (let y = by - span; y <= by + span; y++) {
      for (const i of buckets.get(`${x}:${y}`) ?? []) {
        const d = dist2(nodes[i] as LngLat, p);
        if (d <= radiusM * radiusM) hits.push({ i, d });
      }
    }
  }
  return hits.sort((a, b) => a.d - b.d || a.i - b.i).map((h) => h.i);
}
