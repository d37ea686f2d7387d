import type { Me } from '../../shared/auth.js';

// The page's calls to /api/auth (the only file that fetches them). The session is an httpOnly
// cookie the page never sees; every answer here is the server's documented `Me`.

/** Why a call was refused, from the server's `{ ok: false, error: { code, message } }` answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait, from `Retry-After` on 429. */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A thrown fetch (no network, server down) becomes status 0, so callers have one error type to read. */
export async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', cache: 'no-store', ...init, headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
  } catch (err) {
    throw new ApiError(0, 'offline', err instanceof Error ? err.message : String(err));
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const retry = Number(res.headers.get('retry-after'));
    throw new ApiError(res.status, body?.error?.code ?? 'http', body?.error?.message ?? `${res.status} ${res.statusText}`, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return body as T;
}

const post = <T>(url: string, body: unknown) => call<T>(url, { method: 'POST', body: JSON.stringify(body) });

export const fetchMe = () => call<Me>('/api/auth/me');
export const signIn = (username: string, password: string) => post<Me>('/api/auth/session', { username, password });
export const signOut = () => call<void>('/api/auth/session', { method: 'DELETE' });
export const setupFirstAdmin = (req: { setupCode: string; username: string; displayName: string; password: string }) => post<Me>('/api/auth/setup', req);
/** A wall display exchanges the token an admin issued for a session cookie. */
export const wallSignIn = (token: string) => post<Me>('/api/auth/wall', { token });
