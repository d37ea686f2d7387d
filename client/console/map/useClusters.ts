import { useMemo } from 'react';
import { useThrottledValue } from '../../charts/useThrottledValue.js';
import { CLUSTER_MAX_ZOOM, createClusterIndex, type Cluster, type ClusterInput } from '../model/clusters.js';

/** The visible part of the map, on the basemap's datum. */
export interface MapView {
  bbox: [number, number, number, number];
  zoom: number;
}

/** Points of one kind at this view: the ones standing alone, and clusters of the rest. */
export interface Clustered<T> {
  singles: T[];
  clusters: Cluster[];
  expansionZoom: (clusterId: number) => number;
}

/** The index is rebuilt at most this often, however often teams move (PERFORMANCE: ~1 Hz is enough). */
const REBUILD_MS = 1000;

/**
 * Clusters `items` for the current view. Above the cluster zoom nothing clusters, so the live items
 * are shown as they are, without the index's one-second lag.
 */
export function useClusters<T extends { id: string }>(items: readonly T[], toInput: (item: T) => ClusterInput, view: MapView): Clustered<T> {
  const indexed = useThrottledValue(items, REBUILD_MS);
  // `toInput` must be stable (memoised per datum projector), or the index rebuilds every render.
  const index = useMemo(() => ({ byId: new Map(indexed.map((i) => [i.id, i])), tree: createClusterIndex(indexed.map(toInput)) }), [indexed, toInput]);
  const { bbox, zoom } = view;
  const clustered = useMemo(() => {
    const singles: T[] = [];
    const clusters: Cluster[] = [];
    for (const x of index.tree.query(bbox, zoom)) {
      if (x.type === 'cluster') clusters.push(x);
      else {
        const item = index.byId.get(x.id);
        if (item) singles.push(item);
      }
    }
    return { singles, clusters };
  }, [index, bbox, zoom]);
  const unclustered = zoom > CLUSTER_MAX_ZOOM;
  return {
    singles: unclustered ? (items as T[]) : clustered.singles,
    clusters: unclustered ? [] : clustered.clusters,
    expansionZoom: index.tree.expansionZoom,
  };
}
