import type { TeamKind } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { bearingDeg, lerp, round6 } from '../scenario/planar.js';
import type { Rng } from '../scenario/prng.js';
import type { RoadEdge, RoadGraph } from '../scenario/roadGraph.js';

/** A team driving or walking along the road graph, somewhere on the edge `from` → `to`. */
export interface Mover {
  from: number;
  to: number;
  /** OSM way of the current edge (-1 for a joining hop); wandering prefers to stay on it. */
  road: number;
  edgeLenM: number;
  offsetM: number;
  cruiseMps: number;
  /** Nodes still to visit after `to` (a route to a task); empty = patrol at will. */
  route: number[];
  /** Stop on reaching this node (a task site); `arrived` turns true there. */
  stopAt: number | null;
  arrived: boolean;
  position: LngLat;
  headingDeg: number;
  speedMps: number;
}

/** Typical speeds in 2020 Wuhan's empty streets: patrol cars, spray trucks, ambulances; volunteers walk or ride. */
const CRUISE_MPS: Record<TeamKind, [number, number]> = {
  patrol: [5, 12],
  disinfection: [5, 11],
  medical: [6, 14],
  volunteer: [1.2, 4],
};

export function createMover(graph: RoadGraph, at: LngLat, kind: TeamKind, rng: Rng): Mover {
  const from = graph.nearestNode(at);
  const edge = rng.pick(graph.edges[from] ?? [{ to: from, lengthM: 0, road: -1 }]);
  const position = graph.nodes[from] as LngLat;
  return {
    from,
    to: edge.to,
    road: edge.road,
    edgeLenM: edge.lengthM,
    offsetM: 0,
    cruiseMps: rng.range(...CRUISE_MPS[kind]),
    route: [],
    stopAt: null,
    arrived: false,
    position,
    headingDeg: Math.round(bearingDeg(position, graph.nodes[edge.to] as LngLat)),
    speedMps: 0,
  };
}

export interface StepOptions {
  /** False while the team is working or resting: it stays put. */
  moving: boolean;
  /** Wandering prefers nodes where this holds (the team's own district). */
  stayIn: (node: number) => boolean;
}

/** Advances the mover by `dtS` seconds along the graph, in place. */
export function stepMover(graph: RoadGraph, m: Mover, dtS: number, rng: Rng, opts: StepOptions): void {
  if (!opts.moving || m.arrived || m.from === m.to) {
    m.speedMps = 0;
    return;
  }
  // On the way to a task teams drive with purpose (the streets were empty under lockdown).
  const urgency = m.stopAt === null ? 1 : 1.4;
  m.speedMps = m.cruiseMps * urgency * rng.range(0.8, 1.1);
  let left = m.speedMps * dtS;
  // Bounded: a hop over many tiny edges must not spin forever.
  for (let hops = 0; hops < 200 && m.offsetM + left >= m.edgeLenM; hops++) {
    if (m.to === m.stopAt) {
      m.arrived = true;
      left = m.edgeLenM - m.offsetM;
      break;
    }
    left -= m.edgeLenM - m.offsetM;
    const next = m.route.length > 0 ? edgeTo(graph, m.to, m.route.shift() as number) : wander(graph, m, rng, opts);
    m.from = m.to;
    m.to = next.to;
    m.road = next.road;
    m.edgeLenM = next.lengthM;
    m.offsetM = 0;
  }
  m.offsetM = Math.min(m.edgeLenM, m.offsetM + left);
  const a = graph.nodes[m.from] as LngLat;
  const b = graph.nodes[m.to] as LngLat;
  m.position = round6(lerp(a, b, m.edgeLenM > 0 ? m.offsetM / m.edgeLenM : 0));
  if (m.edgeLenM > 0) m.headingDeg = Math.round(bearingDeg(a, b)) % 360;
}

function edgeTo(graph: RoadGraph, from: number, to: number): RoadEdge {
  return (graph.edges[from] ?? []).find((e) => e.to === to) ?? { to, lengthM: 0, road: -1 };
}

/** Next edge when patrolling: no U-turn unless at a dead end; keep to the same road and district when possible. */
function wander(graph: RoadGraph, m: Mover, rng: Rng, opts: StepOptions): RoadEdge {
  const out = graph.edges[m.to] ?? [];
  const forward = out.filter((e) => e.to !== m.from);
  if (forward.length === 0) return out[0] ?? { to: m.to, lengthM: 0, road: -1 };
  const home = forward.filter((e) => opts.stayIn(e.to));
  const pool = home.length > 0 ? home : forward;
  const same = pool.find((e) => e.road === m.road && e.road !== -1);
  return same && rng.chance(0.75) ? same : rng.pick(pool);
}

/** Sends the mover along `path` (from its current `to` node) and stops it at the path's end. */
export function routeMover(m: Mover, path: number[]): void {
  m.route = path[0] === m.to ? path.slice(1) : path.slice();
  m.stopAt = path[path.length - 1] ?? m.to;
  m.arrived = false;
}

/** Back to patrolling from wherever it stopped. */
export function releaseMover(m: Mover): void {
  m.route = [];
  m.stopAt = null;
  m.arrived = false;
}
