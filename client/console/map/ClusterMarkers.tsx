import { memo } from 'react';
import { Marker } from 'react-map-gl/maplibre';
import type { Cluster } from '../model/clusters.js';

/** Props of `ClusterMarkers`. */
export interface ClusterMarkersProps {
  kind: string;
  clusters: readonly Cluster[];
  /** Categories in drawing order, with their CSS colours. */
  colors: Record<string, string>;
  /** Accessible name of a cluster, e.g. "12 checkpoints: 5 open, 7 closed". */
  label: (c: Cluster) => string;
  onZoom: (c: Cluster) => void;
}

/** Conic segments, one per category, proportional to its count. */
function ring(c: Cluster, colors: Record<string, string>): string {
  let from = 0;
  const stops: string[] = [];
  for (const [category, color] of Object.entries(colors)) {
    const n = c.counts[category] ?? 0;
    if (n === 0) continue;
    const to = from + (n / c.count) * 100;
    stops.push(`${color} ${from.toFixed(2)}% ${to.toFixed(2)}%`);
    from = to;
  }
  return `conic-gradient(${stops.join(', ')})`;
}

/**
 * Clusters as HTML buttons on the map: a ring showing the mix of states (e.g. checkpoint statuses)
 * around the count. HTML, not deck.gl, because there are at most a few dozen, and buttons are
 * focusable and named for screen readers; the ring is a CSS conic-gradient set through `style`.
 */
export const ClusterMarkers = memo(function ClusterMarkers({ kind, clusters, colors, label, onZoom }: ClusterMarkersProps) {
  return (
    <>
      {clusters.map((c) => {
        const size = Math.round(Math.min(38, 22 + Math.sqrt(c.count) * 2));
        const name = label(c);
        return (
          <Marker key={`${kind}-${c.clusterId}`} longitude={c.position[0]} latitude={c.position[1]} anchor="center">
            <button
              type="button"
              className={`cluster cluster--${kind}`}
              style={{ width: size, height: size, background: ring(c, colors) }}
              aria-label={name}
              title={name}
              data-testid={`cluster-${kind}`}
              onClick={(e) => {
                e.stopPropagation();
                onZoom(c);
              }}
            >
              <span className="cluster-count">{c.count}</span>
            </button>
          </Marker>
        );
      })}
    </>
  );
});
