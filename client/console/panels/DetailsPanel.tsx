import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SERIES_COLORS } from '../../charts/seriesColors.js';
import type { WallState } from '../../state/picture.js';
import { useConsoleT, type ConsoleT } from '../i18n/consoleI18n.js';
import { cellHistory, checkpointHistory, teamHistory, type EntityEvent, type HistoryPoint } from '../model/history.js';
import type { Selection } from '../model/selection.js';
import { scenarioTimeAtServer, type Timeline } from '../model/timeline.js';
import { detailsOf } from './detailRows.js';
import { EventList } from './EventList.js';
import { HistoryChart, type HistorySeries } from './HistoryChart.js';
import { useEntityEvents } from './useEntityEvents.js';

/** Props of `DetailsPanel`. */
export interface DetailsPanelProps {
  selection: Selection;
  picture: WallState;
  timeline: Timeline;
  replaySeq: number | null;
  onClose: () => void;
  onZoom: () => void;
}

const SERIES_OF: Partial<Record<Selection['kind'], { derive: (e: readonly EntityEvent[]) => HistoryPoint[]; series: [string, string][] }>> = {
  cells: { derive: cellHistory, series: [['confirmed', SERIES_COLORS.confirmed], ['active', SERIES_COLORS.active], ['suspected', '#c9a0ff'], ['feverToday', '#5ad1ff']] },
  checkpoints: { derive: checkpointHistory, series: [['inbound', '#3ca0ff'], ['outbound', '#3ccf7a'], ['refused', '#ff6b5b']] },
  teams: { derive: teamHistory, series: [['distanceKm', '#00d7c8']] },
};

function seriesNames(pairs: [string, string][], t: ConsoleT): HistorySeries[] {
  return pairs.map(([key, color]) => ({ key, color, name: t(`details.series.${key}` as 'details.series.confirmed') }));
}

/** Everything about the clicked thing: its fields, a history chart and its recent events. */
export function DetailsPanel({ selection, picture, timeline, replaySeq, onClose, onZoom }: DetailsPanelProps) {
  const { t, lang } = useConsoleT();
  const { t: wt } = useTranslation();
  const details = detailsOf(selection, { t, wt, lang, picture });
  const entity = selection.kind === 'area' ? null : selection;
  const events = useEntityEvents(entity?.kind ?? null, entity?.id ?? null, replaySeq);
  const spec = SERIES_OF[selection.kind];
  const points = useMemo(() => {
    if (!spec || !Array.isArray(events)) return [];
    // Events carry device/server time; the chart speaks scenario time, like the slider.
    return spec.derive(events).map((p) => ({ ...p, t: scenarioTimeAtServer(timeline, p.t) ?? p.t }));
  }, [spec, events, timeline]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const kindName = t(`kinds.${selection.kind}`);
  return (
    <section className="details" data-testid="details" aria-label={details?.title ?? kindName}>
      <header className="details-head">
        <div>
          <div className="details-kind">{kindName}</div>
          <h2 className="details-title" data-testid="details-title">
            {details?.title ?? selection.id}
          </h2>
          {details && <div className="details-subtitle">{details.subtitle}</div>}
        </div>
        <div className="details-actions">
          <button type="button" className="btn btn--small" onClick={onZoom}>
            {t('details.zoomTo')}
          </button>
          <button type="button" className="btn btn--icon" onClick={onClose} aria-label={t('close')} title={t('close')}>
            ✕
          </button>
        </div>
      </header>
      {!details && <p className="muted">{t('details.gone')}</p>}
      {details && (
        <dl className="details-rows">
          {details.rows.map(([label, value]) => (
            <div key={label} className="details-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {spec && (
        <section className="details-section">
          <h3>{t('details.history')}</h3>
          <div className="details-chart">
            {points.length >= 2 ? <HistoryChart points={points} series={seriesNames(spec.series, t)} lang={lang} /> : <p className="muted">{Array.isArray(events) ? t('details.historyNone') : t('loading')}</p>}
          </div>
        </section>
      )}
      {entity && <EventList events={events} replaying={replaySeq !== null} />}
    </section>
  );
}
