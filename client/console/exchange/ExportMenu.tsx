import { useState } from 'react';
import { useConsoleT } from '../i18n/consoleI18n.js';
import { eventsCsvHref, EXPORT_FORMATS, EXPORT_KINDS, exportHref, parseShanghaiLocal, toShanghaiLocal } from '../model/exportLinks.js';
import { serverTimeAtScenario, type Timeline } from '../model/timeline.js';

/** Props of `ExportMenu`. */
export interface ExportMenuProps {
  /** Replayed seq, or null when live. */
  seq: number | null;
  /** Scenario time of the shown moment, the default end of the events range. */
  scenarioTime: number | null;
  timeline: Timeline;
}

const DAY = 86_400_000;

/**
 * Download links: entities as GeoJSON/CSV at the shown moment, and events for a scenario-time range
 * (turned into the server-time range `/events` takes, through the timeline).
 */
export function ExportMenu({ seq, scenarioTime, timeline }: ExportMenuProps) {
  const { t } = useConsoleT();
  const end = scenarioTime ?? 0;
  const [from, setFrom] = useState(() => toShanghaiLocal(end - DAY));
  const [to, setTo] = useState(() => toShanghaiLocal(end));
  const fromServer = serverTimeAtScenario(timeline, parseShanghaiLocal(from) ?? 0);
  // The end of the range is inclusive of the whole minute chosen.
  const toServer = serverTimeAtScenario(timeline, (parseShanghaiLocal(to) ?? 0) + 59_999);
  const eventsHref = fromServer !== null && toServer !== null && fromServer <= toServer ? eventsCsvHref(fromServer, toServer) : null;
  return (
    <details className="menu">
      <summary className="btn">{t('exchange.export')}</summary>
      <div className="menu-body" data-testid="export-menu">
        <h3>{t('exchange.exportHeading', { when: seq === null ? t('exchange.whenLive') : t('exchange.whenPast') })}</h3>
        <table className="export-table">
          <tbody>
            {EXPORT_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`kinds.${kind}`)}</th>
                {EXPORT_FORMATS.map((format) => (
                  <td key={format}>
                    <a href={exportHref(kind, format, seq)} download>
                      {format === 'geojson' ? 'GeoJSON' : 'CSV'}
                    </a>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('exchange.events')}</h3>
        <div className="field-row field-row--one">
          <label>
            <span>{t('exchange.from')}</span>
            <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            <span>{t('exchange.to')}</span>
            <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
        <p className="muted">{t('exchange.rangeNote')}</p>
        {eventsHref ? (
          <a className="btn btn--small" href={eventsHref} download>
            {t('exchange.download')}
          </a>
        ) : (
          <span className="btn btn--small btn--disabled">{t('exchange.download')}</span>
        )}
      </div>
    </details>
  );
}
