import type { ReactNode } from 'react';
import { UserMenu } from '../auth/UserMenu.js';
import type { Clock } from '../../shared/entities.js';
import { formatScenarioTime } from '../i18n/format.js';
import { setLang } from '../i18n/i18n.js';
import type { LinkStatus } from '../live/pictureStore.js';
import { LiveIndicator } from '../wall/LiveIndicator.js';
import { useConsoleT } from './i18n/consoleI18n.js';

/** Props of `ConsoleHeader`. */
export interface ConsoleHeaderProps {
  /** Clock of the shown moment (past while replaying). */
  clock: Clock | null;
  live: boolean;
  status: LinkStatus;
  lastMessageAt: number | null;
  /** Search box and the export/import buttons. */
  children?: ReactNode;
  /** Show the link to /admin (the role may manage accounts). @default false */
  adminLink?: boolean;
}

/** Title, scenario time of what is shown, link state (while live), tools, who is signed in, and the language toggle. */
export function ConsoleHeader({ clock, live, status, lastMessageAt, children, adminLink = false }: ConsoleHeaderProps) {
  const { t, lang } = useConsoleT();
  return (
    <header className="c-header">
      <h1 className="c-title">{t('title')}</h1>
      <div className="c-clock" data-testid="scenario-time">
        <span className="c-clock-label">{t('scenarioTime')}</span>
        <time dateTime={clock ? new Date(clock.scenarioTime).toISOString() : undefined}>{clock ? formatScenarioTime(clock.scenarioTime, lang) : '—'}</time>
      </div>
      {live && <LiveIndicator status={status} lastMessageAt={lastMessageAt} />}
      <div className="c-header-tools">{children}</div>
      <UserMenu adminLink={adminLink} />
      <button type="button" className="btn lang-btn" lang={lang === 'en' ? 'zh-CN' : 'en'} aria-label={t('lang.switchLabel')} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
        {t('lang.switchTo')}
      </button>
    </header>
  );
}
