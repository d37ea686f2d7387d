import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import type { GatedPage } from './access.js';
import { LangButton } from './LangButton.js';
import { PasswordForm } from './PasswordForm.js';
import { SetupForm } from './SetupForm.js';
import type { Notice } from './startup.js';
import { WallCodeForm } from './WallCodeForm.js';

/** Props of `SignInPage`. */
export interface SignInPageProps {
  page: GatedPage;
  /** No account exists yet: offer the first-run setup instead of the sign-in. */
  setupRequired: boolean;
  notice: Notice | null;
  onSignedIn: (me: Me) => void;
}

/**
 * Full-screen sign-in. On the wall the wall-code form comes first (walls are unattended) and a
 * revoked wall says so in red, in place of a map that would only go stale.
 */
export function SignInPage({ page, setupRequired, notice, onSignedIn }: SignInPageProps) {
  const { t } = useTranslation();
  useEffect(() => void (document.title = `${t(setupRequired ? 'auth.setupTitle' : 'auth.signInTitle')} · GridCommand`), [t, setupRequired]);
  const wall = page === 'wall';
  return (
    <div className={notice === 'revoked' ? 'auth-page auth-page--revoked' : 'auth-page'} data-testid="signin-page">
      <LangButton />
      {notice === 'revoked' || notice === 'ended' ? (
        <section className={`auth-notice auth-notice--${notice}`} role="alert" data-testid={`signed-out-${notice}`}>
          <h1>{t(notice === 'revoked' ? 'auth.revokedTitle' : 'auth.endedTitle')}</h1>
          <p>{t(notice === 'revoked' ? 'auth.revokedText' : 'auth.endedText')}</p>
        </section>
      ) : (
        <h1 className="auth-app">{page === 'wall' ? t('app.title') : t(`auth.pageTitle.${page}`)}</h1>
      )}
      {notice === 'badLink' && (
        <p className="auth-error auth-error--banner" role="alert" data-testid="bad-wall-link">
          {t('auth.badLink')}
        </p>
      )}
      <div className={wall && !setupRequired ? 'auth-cards auth-cards--two' : 'auth-cards'}>
        {setupRequired ? (
          <section className="auth-card" aria-labelledby="auth-setup-h">
            <h2 id="auth-setup-h">{t('auth.setupTitle')}</h2>
            <p className="auth-hint">{t('auth.setupHint')}</p>
            <SetupForm onSignedIn={onSignedIn} />
          </section>
        ) : (
          <>
            {wall && (
              <section className="auth-card" aria-labelledby="auth-wall-h">
                <h2 id="auth-wall-h">{t('auth.wallTitle')}</h2>
                <p className="auth-hint">{t('auth.wallHint')}</p>
                <WallCodeForm onSignedIn={onSignedIn} autoFocus />
              </section>
            )}
            <section className="auth-card" aria-labelledby="auth-people-h">
              <h2 id="auth-people-h">{wall ? t('auth.peopleTitle') : t('auth.signInTitle')}</h2>
              <p className="auth-hint">{t('auth.signInHint')}</p>
              <PasswordForm onSignedIn={onSignedIn} autoFocus={!wall} />
            </section>
          </>
        )}
      </div>
    </div>
  );
}
