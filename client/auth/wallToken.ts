/** The fragment key a wall link carries: `http://host/#wall-token=…` (a fragment never reaches the server). */
export const WALL_TOKEN_KEY = 'wall-token';

/**
 * Reads a wall token from a URL fragment and returns the fragment without it, so the page can
 * take the token out of the address bar (and its history entry) at once.
 * `#wall-token=abc&x=1` → `{ token: 'abc', rest: '#x=1' }`; no token → `token: null`, `rest` unchanged.
 */
export function takeWallToken(hash: string): { token: string | null; rest: string } {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw) return { token: null, rest: hash };
  const params = new URLSearchParams(raw);
  if (!params.has(WALL_TOKEN_KEY)) return { token: null, rest: hash };
  const token = params.get(WALL_TOKEN_KEY)?.trim() ?? '';
  params.delete(WALL_TOKEN_KEY);
  const left = params.toString();
  return { token: token || null, rest: left ? `#${left}` : '' };
}

/** The link an admin hands to a wall display. */
export function wallLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/#${WALL_TOKEN_KEY}=${encodeURIComponent(token)}`;
}
