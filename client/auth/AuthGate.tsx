import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import { pageAccess, type GatedPage } from './access.js';
import { signOut as endSession } from './authApi.js';
import { DeniedPage } from './DeniedPage.js';
import { SessionContext, type Session } from './session.js';
import { SignInPage } from './SignInPage.js';
import { loadMe, type Notice } from './startup.js';
import './auth.css';

/** Props of `AuthGate`. */
export interface AuthGateProps {
  page: GatedPage;
  /** The page itself, rendered only for a session whose role may use it. */
  children: ReactNode;
}

const RETRY_MS = 5_000;

/** Nobody signed in yet (or any more): what the sign-in page starts from. */
const signedOut = (setupRequired = false): Me => ({ kind: 'anonymous', role: 'anonymous', id: '', displayName: '', permissions: ['health:read'], setupRequired });

/**
 * Shows the page only to a session that may use it: otherwise the sign-in page (with the first-run
 * setup, and on the wall the wall-code form), or a plain "this account cannot use this page".
 */
export function AuthGate({ page, children }: AuthGateProps) {
  const { t } = useTranslation();
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      loadMe({ wall: page === 'wall' }).then(
        (first) => {
          if (stopped) return;
          setMe(first.me);
          setNotice(first.notice);
          setUnreachable(false);
        },
        () => {
          if (stopped) return;
          setUnreachable(true);
          timer = setTimeout(load, RETRY_MS);
        },
      );
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [page]);

  const signedIn = useCallback((next: Me) => {
    setNotice(null);
    setMe(next);
  }, []);
  const signOut = useCallback(() => {
    void endSession().catch(() => undefined);
    setNotice(null);
    setMe(signedOut());
  }, []);
  const lost = useCallback(() => {
    setNotice(page === 'wall' ? 'revoked' : 'ended');
    setMe(signedOut());
  }, [page]);
  const session = useMemo<Session | null>(() => (me ? { me, signOut, lost } : null), [me, signOut, lost]);

  if (!me || !session) {
    return (
      <div className="auth-splash" role="status" data-testid="auth-loading">
        {unreachable ? t('auth.unreachable') : t('auth.loading')}
      </div>
    );
  }
  const access = pageAccess(me, page);
  if (access === 'signIn') return <SignInPage page={page} setupRequired={me.setupRequired} notice={notice} onSignedIn={signedIn} />;
  if (access === 'denied') return <DeniedPage page={page} me={me} onSignOut={signOut} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
