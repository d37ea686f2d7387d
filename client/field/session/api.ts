import type { FieldState } from '../../../shared/protocol.js';

/** Result of a sign-in attempt; the session itself is an httpOnly cookie the page never sees. */
export type SignInResult = { ok: true; state: FieldState } | { ok: false; reason: 'wrong' | 'tooMany' | 'offline' };

export async function signIn(code: string): Promise<SignInResult> {
  let res: Response;
  try {
    res = await fetch('/api/field/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (res.ok) return { ok: true, state: (await res.json()) as FieldState };
  if (res.status === 429) return { ok: false, reason: 'tooMany' };
  return { ok: false, reason: res.status >= 500 ? 'offline' : 'wrong' };
}

/** Who we are: the team's state, `signedOut` on 401, `offline` when the server cannot be reached. */
export async function fetchMe(): Promise<{ kind: 'ok'; state: FieldState } | { kind: 'signedOut' } | { kind: 'offline' }> {
  try {
    const res = await fetch('/api/field/me', { credentials: 'same-origin', cache: 'no-store' });
    if (res.ok) return { kind: 'ok', state: (await res.json()) as FieldState };
    return res.status === 401 ? { kind: 'signedOut' } : { kind: 'offline' };
  } catch {
    return { kind: 'offline' };
  }
}

export async function signOut(): Promise<void> {
  try {
    await fetch('/api/field/session', { method: 'DELETE', credentials: 'same-origin' });
  } catch {
    // Offline: the cookie stays until the next sign-out or its expiry; the page forgets the team anyway.
  }
}
