import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { LngLat } from '../../shared/geo.js';
import { bearingDeg, nearestOnLine } from '../scenario/planar.js';
import { createRng } from '../scenario/prng.js';
import { buildRoadGraph } from '../scenario/roadGraph.js';
import { readMainRoads } from '../scenario/sources.js';
import { createMover, routeMover, stepMover } from './movement.js';
import { components, shortestPath } from './routing.js';

const roads = readMainRoads(path.resolve(import.meta.dirname, '../../data'));
const graph = buildRoadGraph(roads);
const anywhere = { moving: true, stayIn: () => true };

function distanceToRoads(p: LngLat): number {
  return Math.min(...roads.map((r) => nearestOnLine(p, r.coords).distM));
}

describe('stepMover', () => {
  test('a patrol moved for two minutes stays on the roads and covers a plausible distance', () => {
    const rng = createRng(3);
    const m = createMover(graph, [114.2655, 30.6039], 'patrol', rng);
    const start = m.position;
    let travelled = 0;
    for (let s = 0; s < 120; s++) {
      stepMover(graph, m, 1, rng, anywhere);
      travelled += m.speedMps;
      // Joining hops between loose ends of the sample are ≤ 150 m long, so ≤ 75 m from a road.
      expect(distanceToRoads(m.position)).toBeLessThan(80);
    }
    expect(travelled).toBeGreaterThan(120 * 5 * 0.8);
    expect(travelled).toBeLessThan(120 * 12 * 1.1);
    expect(m.position).not.toEqual(start);
  });

  test('heading points along the direction of travel', () => {
    const rng = createRng(5);
    const m = createMover(graph, [114.3, 30.58], 'medical', rng);
    let compared = 0;
    for (let s = 0; s < 120; s++) {
      const before = m.position;
      const edge = `${m.from}>${m.to}`;
      stepMover(graph, m, 1, rng, anywhere);
      // Only compare steps that stayed on one edge; turning a corner mid-step changes direction legitimately.
      if (`${m.from}>${m.to}` !== edge || m.speedMps * 1 < 3) continue;
      const moved = bearingDeg(before, m.position);
      expect(Math.abs(((moved - m.headingDeg + 540) % 360) - 180)).toBeLessThan(5);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  test('stands still while not moving', () => {
    const rng = createRng(1);
    const m = createMover(graph, [114.3, 30.58], 'volunteer', rng);
    stepMover(graph, m, 1, rng, { moving: false, stayIn: () => true });
    expect(m.speedMps).toBe(0);
    expect(m.position).toEqual(graph.nodes[m.from]);
  });

  test('follows a route and stops at its end', () => {
    const rng = createRng(9);
    const m = createMover(graph, [114.2655, 30.6039], 'disinfection', rng);
    const comp = components(graph);
    const target = graph.nodes.findIndex((_, i) => i !== m.to && comp[i] === comp[m.to] && (graph.edges[i]?.length ?? 0) > 1 && i % 97 === 0);
    const route = shortestPath(graph, m.to, target);
    expect(route).not.toBeNull();
    routeMover(m, route as number[]);
    for (let s = 0; s < 3600 && !m.arrived; s++) stepMover(graph, m, 1, rng, anywhere);
    expect(m.arrived).toBe(true);
    expect(m.position).toEqual(graph.nodes[target]);
    stepMover(graph, m, 1, rng, anywhere);
    expect(m.speedMps).toBe(0);
  });
});
