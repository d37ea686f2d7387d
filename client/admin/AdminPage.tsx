import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/auth.js';
import { useSession } from '../auth/session.js';
import { UserBadge } from '../auth/UserBadge.js';
import { setLang } from '../i18n/i18n.js';
import { AuditPanel } from './AuditPanel.js';
import { DevicesPanel } from './DevicesPanel.js';
import { registerAdminStrings, useAdminT } from './i18n/adminI18n.js';
import { TeamCodesPanel } from './TeamCodesPanel.js';
import { TokensPanel } from './TokensPanel.js';
import { UsersPanel } from './UsersPanel.js';
import './admin.css';

registerAdminStrings();

const TABS = ['users', 'tokens', 'devices', 'teamCodes', 'audit'] as const;
type Tab = (typeof TABS)[number];
const PANELS: Record<Tab, () => React.JSX.Element> = { users: UsersPanel, tokens: TokensPanel, devices: DevicesPanel, teamCodes: TeamCodesPanel, audit: AuditPanel };

/** The tab in the URL fragment (`/admin#tokens`), so a reload or a shared link opens the same one. */
const tabFromHash = (): Tab => TABS.find((t) => `#${t}` === window.location.hash) ?? 'users';

/** `/admin`: accounts, wall/device/service tokens, trackers, team sign-in codes and the audit log. */
export function AdminPage() {
  const { t, lang } = useAdminT();
  const { t: at } = useTranslation();
  const { me } = useSession();
  const [tab, setTab] = useState<Tab>(tabFromHash);
  useEffect(() => void (document.title = `${t('short')} · GridCommand`), [t]);
  const tabs = TABS.filter((x) => x !== 'audit' || can(me.role, 'audit:read'));
  const Panel = PANELS[tab];
  const choose = (next: Tab) => {
    setTab(next);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#${next}`);
  };
  return (
    <div className="admin">
      <header className="admin-header">
        <h1>{t('title')}</h1>
        <a className="btn" href="/console" data-testid="console-link">
          {t('back')}
        </a>
        <UserBadge className="admin-user" />
        <button type="button" className="btn" lang={lang === 'en' ? 'zh-CN' : 'en'} aria-label={at('lang.switchLabel')} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
          {at('lang.switchTo')}
        </button>
      </header>
      <nav className="admin-tabs" role="tablist" aria-label={t('title')}>
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={x === tab} className={x === tab ? 'admin-tab is-active' : 'admin-tab'} onClick={() => choose(x)} data-testid={`tab-${x}`}>
            {t(`tabs.${x}`)}
          </button>
        ))}
      </nav>
      <main className="admin-main" role="tabpanel">
        <Panel />
      </main>
    </div>
  );
}
