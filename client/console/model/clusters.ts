import Supercluster from 'supercluster';
import type { LngLat } from '../../../shared/geo.js';

/** A point to cluster: already on the basemap's datum, with the state a cluster counts it under. */
export interface ClusterInput {
  id: string;
  position: LngLat;
  category: string;
}

/** What a cluster counts: points per category (e.g. checkpoint status). */
type Counts = Record<string, number>;
interface PointProps {
  id: string;
  category: string;
}
interface ClusterProps {
  counts: Counts;
}

/** A cluster on screen, with the mix of states it holds. */
export interface Cluster {
  type: 'cluster';
  /** Supercluster's id, for the expansion zoom. */
  clusterId: number;
  position: LngLat;
  count: number;
  counts: Counts;
}

/** A point shown on its own at this zoom. */
export interface Single {
  type: 'single';
  id: string;
  position: LngLat;
}

/** One index per marker kind. */
export interface ClusterIndex {
  /** Clusters and single points inside `bbox` ([west, south, east, north]) at a (whole) zoom. */
  query(bbox: [number, number, number, number], zoom: number): (Cluster | Single)[];
  /** The zoom at which a cluster breaks apart, to zoom to on click. */
  expansionZoom(clusterId: number): number;
}

/** Above this zoom every point stands alone: a street-level official wants each checkpoint. */
export const CLUSTER_MAX_ZOOM = 13;

/**
 * Indexes points with supercluster; `map`/`reduce` keep per-category counts in every cluster so a
 * marker can show e.g. "5 open, 2 closed" rather than only "7".
 */
export function createClusterIndex(points: readonly ClusterInput[], { radiusPx = 56 }: { radiusPx?: number } = {}): ClusterIndex {
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: radiusPx,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (p) => ({ counts: { [p.category]: 1 } }),
    reduce: (acc, p) => {
      // supercluster clones `acc` shallowly from a child cluster: replace `counts`, never mutate it,
      // or the child's counts change too.
      const counts = { ...acc.counts };
      for (const [k, n] of Object.entries(p.counts)) counts[k] = (counts[k] ?? 0) + n;
      acc.counts = counts;
    },
  });
  index.load(
    points.map((p) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [p.position[0], p.position[1]] }, properties: { id: p.id, category: p.category } })),
  );
  return {
    query(bbox, zoom) {
      return index.getClusters(bbox, Math.floor(zoom)).map((f) => {
        const [x = 0, y = 0] = f.geometry.coordinates;
        const p = f.properties;
        if ('cluster' in p && p.cluster) return { type: 'cluster', clusterId: p.cluster_id, position: [x, y], count: p.point_count, counts: p.counts };
        return { type: 'single', id: (p as PointProps).id, position: [x, y] };
      });
    },
    expansionZoom: (clusterId) => index.getClusterExpansionZoom(clusterId),
  };
}
