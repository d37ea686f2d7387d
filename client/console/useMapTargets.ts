import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckpointStatus, TeamKind } from '../../shared/entities.js';
import { formatNumber } from '../i18n/format.js';
import type { WallState } from '../state/picture.js';
import { useConsoleT } from './i18n/consoleI18n.js';
import type { MapFocus } from './map/ConsoleMap.js';
import type { SelectionMark } from './map/layers/selectionLayer.js';
import type { MarkerKind } from './map/markerKinds.js';
import type { Cluster } from './model/clusters.js';
import type { SearchItem } from './model/search.js';
import type { Selection } from './model/selection.js';

/** Focus requests are numbered so that asking for the same place twice still moves the map. */
let focusCounter = 0;

/** Where a selection is (to zoom to and to mark on the map) and how to name things on the map. */
export function useMapTargets(picture: WallState | null, areas: readonly SearchItem[]) {
  const { t, lang } = useConsoleT();
  const { t: wt } = useTranslation();

  const positionOf = useCallback(
    (s: Selection) => {
      if (!picture || s.kind === 'area' || s.kind === 'cells') return null;
      if (s.kind === 'teams') return picture.teams[s.id]?.position ?? null;
      return picture[s.kind][s.id]?.position ?? null;
    },
    [picture],
  );

  const focusOn = useCallback(
    (s: Selection): MapFocus | null => {
      const key = ++focusCounter;
      if (s.kind === 'area') {
        const area = areas.find((a) => a.kind === s.level && a.id === s.id);
        return area?.bounds ? { key, bounds: area.bounds } : null;
      }
      if (s.kind === 'cells') {
        const ring = picture?.cells[s.id]?.polygon;
        if (!ring) return null;
        const xs = ring.map((p) => p[0]);
        const ys = ring.map((p) => p[1]);
        return { key, bounds: [[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]] };
      }
      const point = positionOf(s);
      return point ? { key, point } : null;
    },
    [areas, picture, positionOf],
  );

  const markOf = (s: Selection): SelectionMark | null => {
    if (s.kind === 'cells') {
      const ring = picture?.cells[s.id]?.polygon;
      return ring ? { polygon: ring } : null;
    }
    const p = positionOf(s);
    return p ? { position: p } : null;
  };

  const describe = (s: Selection): string | null => {
    if (!picture || s.kind === 'area') return null;
    switch (s.kind) {
      case 'cells': {
        const c = picture.cells[s.id];
        return c ? `${c.communityName} · ${wt(`risk.${c.risk}`)} · ${wt('kpi.confirmed')} ${formatNumber(c.counts.confirmed, lang)}` : null;
      }
      case 'checkpoints':
        return picture.checkpoints[s.id]?.name ?? null;
      case 'teams':
        return picture.teams[s.id]?.name ?? null;
      case 'tasks':
        return picture.tasks[s.id]?.siteName ?? null;
      case 'incidents': {
        const i = picture.incidents[s.id];
        return i ? `${t(`values.incidentKind.${i.kind}`)} · ${i.note}` : null;
      }
    }
  };

  const categoryName = (kind: MarkerKind, c: string): string => {
    if (kind === 'checkpoints') return wt(`checkpoint.${c as CheckpointStatus}`);
    if (kind === 'teams') return wt(`team.${c as TeamKind}`);
    return kind === 'tasks' ? t(`values.taskStatus.${c}`) : t(`values.severity.${c}`);
  };

  const clusterLabel = (kind: MarkerKind, c: Cluster): string => {
    const mix = Object.entries(c.counts)
      .sort((a, b) => b[1] - a[1])
      .map(([category, n]) => `${categoryName(kind, category)} ${n}`)
      .join('，');
    return t('cluster.label', { n: c.count, what: t(`kinds.${kind}`), mix });
  };

  return { focusOn, markOf, describe, clusterLabel };
}
