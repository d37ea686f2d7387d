import { expect, test } from 'vitest';
import { createClusterIndex, type Cluster, type ClusterInput } from './clusters.js';

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

function createPoints(): ClusterInput[] {
  return [
    { id: 'a', position: [114.3, 30.58], category: 'open' },
    { id: 'b', position: [114.3001, 30.5801], category: 'open' },
    { id: 'c', position: [114.3002, 30.5799], category: 'closed' },
    { id: 'far', position: [116.4, 39.9], category: 'lifted' },
  ];
}

test('a cluster counts the states of the points it holds', () => {
  const out = createClusterIndex(createPoints()).query(WORLD, 10);
  const cluster = out.find((x): x is Cluster => x.type === 'cluster');
  expect(cluster?.count).toBe(3);
  expect(cluster?.counts).toEqual({ open: 2, closed: 1 });
  expect(out.filter((x) => x.type === 'single').map((x) => (x.type === 'single' ? x.id : ''))).toEqual(['far']);
});

test('every point stands alone past the cluster zoom', () => {
  const out = createClusterIndex(createPoints()).query(WORLD, 16);
  expect(out.every((x) => x.type === 'single')).toBe(true);
  expect(out).toHaveLength(4);
});

test('tells the zoom at which a cluster breaks apart', () => {
  const index = createClusterIndex(createPoints());
  const cluster = index.query(WORLD, 8).find((x): x is Cluster => x.type === 'cluster');
  expect(index.expansionZoom(cluster?.clusterId ?? -1)).toBeGreaterThan(8);
});
