import { createContext, useContext, useEffect } from 'react';
import type { Me } from '../../shared/auth.js';
import type { LinkStatus } from '../live/pictureStore.js';

/** The signed-in session, as the gated pages see it. */
export interface Session {
  me: Me;
  /** Ends the session on the server and shows the sign-in page. */
  signOut(): void;
  /** The server no longer knows this session (revoked, disabled, expired): show so at once. */
  lost(): void;
}

export const SessionContext = createContext<Session | null>(null);

/** The session of the page; only pages inside `AuthGate` call this. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside AuthGate');
  return session;
}

/** Hands a live link that was refused for want of a session to the gate, which replaces the stale page. */
export function useSignedOutWatch(status: LinkStatus): void {
  const { lost } = useSession();
  useEffect(() => {
    if (status === 'signedOut') lost();
  }, [status, lost]);
}
