import type { Me } from '../../shared/auth.js';
import { ApiError, fetchMe, wallSignIn } from './authApi.js';
import { takeWallToken } from './wallToken.js';

/** Why the sign-in page is shown, when it is not simply a first visit. */
export type Notice = 'revoked' | 'ended' | 'badLink';

let first: Promise<{ me: Me; notice: Notice | null }> | null = null;
/** The link's wall token, read (and taken out of the URL) once; kept until the server has answered it. */
let pendingToken: string | null | undefined;

/**
 * Who this browser is, at page load. On the wall a `#wall-token=` in the URL is taken out of the
 * address bar first (replaceState, before any request: it must not linger on screen or in history),
 * then exchanged for a session. Memoized: React's StrictMode runs effects twice and the token is
 * gone after the first read.
 */
export function loadMe(options: { wall: boolean }): Promise<{ me: Me; notice: Notice | null }> {
  if (first) return first;
  first = (async () => {
    if (pendingToken === undefined) pendingToken = options.wall ? consumeWallToken() : null;
    const token = pendingToken;
    if (token) {
      try {
        const me = await wallSignIn(token);
        pendingToken = null;
        return { me, notice: null };
      } catch (err) {
        // A wall switched on before its network (or while the server restarts) keeps its token and tries again.
        if (err instanceof ApiError && (err.status === 0 || err.status === 429 || err.status >= 500)) throw err;
        pendingToken = null;
        return { me: await fetchMe(), notice: 'badLink' };
      }
    }
    return { me: await fetchMe(), notice: null };
  })();
  // A failure (server unreachable) must not stick: the next try asks again.
  first.catch(() => (first = null));
  return first;
}

function consumeWallToken(): string | null {
  const { token, rest } = takeWallToken(window.location.hash);
  if (rest !== window.location.hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest}`);
  return token;
}
