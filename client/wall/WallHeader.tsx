import { useTranslation } from 'react-i18next';
import type { Clock } from '../../shared/entities.js';
import { formatScenarioTime } from '../i18n/format.js';
import { setLang } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import type { LinkStatus } from '../live/pictureStore.js';
import { LiveIndicator } from './LiveIndicator.js';

/** Props of `WallHeader`. */
export interface WallHeaderProps {
  clock: Clock | null;
  status: LinkStatus;
  lastMessageAt: number | null;
  lang: Lang;
}

/** Title, scenario date and time (Asia/Shanghai), freshness and the language toggle. */
export function WallHeader({ clock, status, lastMessageAt, lang }: WallHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="wall-header">
      <h1 className="wall-title">{t('app.title')}</h1>
      <div className="wall-clock" data-testid="scenario-time">
        <span className="wall-clock-label">{t('app.scenarioTime')}</span>
        <time dateTime={clock ? new Date(clock.scenarioTime).toISOString() : undefined}>
          {clock ? formatScenarioTime(clock.scenarioTime, lang) : '—'}
        </time>
      </div>
      <LiveIndicator status={status} lastMessageAt={lastMessageAt} />
      <button type="button" className="lang-toggle" lang={lang === 'en' ? 'zh-CN' : 'en'} aria-label={t('lang.switchLabel')} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
        {t('lang.switchTo')}
      </button>
    </header>
  );
}
