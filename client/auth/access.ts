import { can, type Me, type Permission } from '../../shared/auth.js';
import type { ApiError } from './authApi.js';

/** The pages that need a signed-in session. */
export type GatedPage = 'wall' | 'console' | 'admin';

/** What a page must be able to do to open at all; the server checks again on every call. */
const NEEDS: Record<GatedPage, readonly Permission[]> = {
  wall: ['live:read'],
  console: ['live:read', 'history:read'],
  admin: ['accounts:manage'],
};

/** `signIn`: nobody is signed in; `denied`: someone is, whose role cannot use this page. */
export type PageAccess = 'signIn' | 'denied' | 'ok';

export function pageAccess(me: Me, page: GatedPage): PageAccess {
  if (me.kind === 'anonymous' || me.role === 'anonymous') return 'signIn';
  return NEEDS[page].every((p) => can(me.role, p)) ? 'ok' : 'denied';
}

/** Which of the console's tools a role gets; hidden ones are hidden, not merely refused later. */
export interface ConsoleTools {
  /** Replace the official grid from GeoJSON. */
  importGrid: boolean;
  /** Link to /admin. */
  admin: boolean;
}

export function consoleTools(me: Me): ConsoleTools {
  return { importGrid: can(me.role, 'grid:import'), admin: can(me.role, 'accounts:manage') };
}

/** Which form an error came from: a 401 means a different thing on each. */
export type FormKind = 'signIn' | 'setup' | 'wall';
/** An i18n key under `auth.` and its variables. */
export type ErrorText = { key: 'offline' | 'tooMany' | 'tooManyLater' | 'wrong' | 'setupWrongCode' | 'setupDone' | 'wallWrong' | 'failed'; vars?: Record<string, string | number> };

/** What to tell the person after a refused sign-in, setup or wall sign-in. */
export function errorText(err: Pick<ApiError, 'status' | 'message' | 'retryAfterS'>, form: FormKind): ErrorText {
  if (err.status === 0 || err.status >= 500) return { key: 'offline' };
  if (err.status === 429) return err.retryAfterS ? { key: 'tooMany', vars: { n: err.retryAfterS } } : { key: 'tooManyLater' };
  if (err.status === 401) return { key: form === 'signIn' ? 'wrong' : form === 'setup' ? 'setupWrongCode' : 'wallWrong' };
  // The setup code works only while no account exists: after that the server refuses (403/409).
  if ((err.status === 409 || err.status === 403) && form === 'setup') return { key: 'setupDone' };
  return { key: 'failed', vars: { message: err.message } };
}
