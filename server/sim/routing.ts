import type { LngLat } from '../../shared/geo.js';
import { distM } from '../scenario/planar.js';
import type { RoadGraph } from '../scenario/roadGraph.js';

/** Connected component of every node: a team can only drive to nodes of its own component. */
export function components(graph: RoadGraph): Int32Array {
  const comp = new Int32Array(graph.nodes.length).fill(-1);
  let next = 0;
  for (let start = 0; start < graph.nodes.length; start++) {
    if (comp[start] !== -1) continue;
    const stack = [start];
    comp[start] = next;
    while (stack.length > 0) {
      const n = stack.pop() as number;
      for (const e of graph.edges[n] ?? []) {
        if (comp[e.to] === -1) {
          comp[e.to] = next;
          stack.push(e.to);
        }
      }
    }
    next++;
  }
  return comp;
}

/** A* shortest path from `from` to `to` (node ids, both ends included), or null if unreachable. */
export function shortestPath(graph: RoadGraph, from: number, to: number): number[] | null {
  const goal = graph.nodes[to] as LngLat;
  const h = (n: number): number => distM(graph.nodes[n] as LngLat, goal);
  const g = new Map<number, number>([[from, 0]]);
  const prev = new Map<number, number>();
  const open = new MinHeap();
  open.push(from, h(from));
  const closed = new Set<number>();
  while (open.size > 0) {
    const n = open.pop();
    if (n === to) return unwind(prev, to);
    if (closed.has(n)) continue;
    closed.add(n);
    for (const e of graph.edges[n] ?? []) {
      const cost = (g.get(n) as number) + e.lengthM;
      if (cost < (g.get(e.to) ?? Infinity)) {
        g.set(e.to, cost);
        prev.set(e.to, n);
        open.push(e.to, cost + h(e.to));
      }
    }
  }
  return null;
}

function unwind(prev: Map<number, number>, to: number): number[] {
  const path = [to];
  for (let n = prev.get(to); n !== undefined; n = prev.get(n)) path.push(n);
  return path.reverse();
}

/** Binary min-heap of node ids by priority. */
class MinHeap {
  private readonly ids: number[] = [];
  private readonly keys: number[] = [];
  get size(): number {
    return this.ids.length;
  }
  push(id: number, key: number): void {
    this.ids.push(id);
    this.keys.push(key);
    let i = this.ids.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.keys[p] as number) <= key) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): number {
    const top = this.ids[0] as number;
    const lastId = this.ids.pop() as number;
    const lastKey = this.keys.pop() as number;
    if (this.ids.length > 0) {
      this.ids[0] = lastId;
      this.keys[0] = lastKey;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && (this.keys[l] as number) < (this.keys[m] as number)) m = l;
        if (r < this.keys.length && (this.keys[r] as number) < (this.keys[m] as number)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b] as number, this.ids[a] as number];
    [this.keys[a], this.keys[b]] = [this.keys[b] as number, this.keys[a] as number];
  }
}
