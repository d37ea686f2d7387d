import { formatScenarioTime } from '../../i18n/format.js';
import { useConsoleT } from '../i18n/consoleI18n.js';

/** Props of `ReplayBanner`. */
export interface ReplayBannerProps {
  /** Scenario time of the shown moment. */
  scenarioTime: number | null;
  loading: boolean;
  failed: boolean;
  onLive: () => void;
}

/** The unmistakable "this is not live" bar, with one click back to live. */
export function ReplayBanner({ scenarioTime, loading, failed, onLive }: ReplayBannerProps) {
  const { t, lang } = useConsoleT();
  return (
    <div className="replay-banner" role="status" data-testid="replay-banner">
      <strong>{t('replay.banner')}</strong>
      <time dateTime={scenarioTime === null ? undefined : new Date(scenarioTime).toISOString()}>{scenarioTime === null ? '—' : formatScenarioTime(scenarioTime, lang)}</time>
      {loading && <span className="replay-note">{t('replay.loading')}</span>}
      {failed && <span className="replay-note">{t('replay.failed')}</span>}
      <button type="button" className="btn btn--live" onClick={onLive} data-testid="back-to-live">
        {t('replay.backToLive')}
      </button>
    </div>
  );
}
