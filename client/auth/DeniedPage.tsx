import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import { pageAccess, type GatedPage } from './access.js';
import { LangButton } from './LangButton.js';

const TITLE = { wall: 'auth.deniedWall', console: 'auth.deniedConsole', admin: 'auth.deniedAdmin' } as const;

/** Someone is signed in whose role cannot use this page: say so plainly, offer another account. */
export function DeniedPage({ page, me, onSignOut }: { page: GatedPage; me: Me; onSignOut: () => void }) {
  const { t } = useTranslation();
  // Where this account can go instead, so a wall screen opened on /console is one click from home.
  const elsewhere = (['console', 'wall'] as const).find((p) => p !== page && pageAccess(me, p) === 'ok');
  return (
    <div className="auth-page" data-testid="access-denied">
      <LangButton />
      <section className="auth-notice auth-notice--denied" role="alert">
        <h1>{t(TITLE[page])}</h1>
        <p>{t('auth.deniedText', { name: me.displayName || me.id, role: t(`role.${me.role}`) })}</p>
        <div className="auth-actions">
          <button type="button" className="auth-btn auth-btn--primary" onClick={onSignOut} data-testid="sign-out">
            {t('auth.signOut')}
          </button>
          {elsewhere && (
            <a className="auth-btn" href={elsewhere === 'wall' ? '/' : '/console'}>
              {t(elsewhere === 'wall' ? 'auth.openWall' : 'auth.console')}
            </a>
          )}
        </div>
      </section>
    </div>
  );
}
