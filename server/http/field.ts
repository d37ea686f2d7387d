import express, { type Router } from 'express';
import { parse as parseCookies } from 'cookie';
import { z } from 'zod';
import { fieldStateFor } from '../live/fieldState.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Registry } from '../auth/registry.js';
import { reject } from '../commands/validate.js';

export const FIELD_COOKIE = 'gc_field';
const SignIn = z.strictObject({ code: z.string().trim().min(6).max(32) });

/** The team signed in on this request's cookie, or null. */
export function sessionTeam(registry: Registry, cookieHeader: string | undefined): string | null {
  const token = parseCookies(cookieHeader ?? '')[FIELD_COOKIE];
  return token ? registry.teamForSession(token) : null;
}

/** Too many wrong codes from one address in a minute are refused, so codes cannot be guessed. */
function signInLimiter(maxPerMinute: number, now: () => number) {
  const tries = new Map<string, { count: number; since: number }>();
  return (ip: string): boolean => {
    const t = now();
    const entry = tries.get(ip);
    if (!entry || t - entry.since > 60_000) {
      tries.set(ip, { count: 1, since: t });
      return true;
    }
    entry.count += 1;
    return entry.count <= maxPerMinute;
  };
}

/** Field sign-in with a team code; the session lives in an httpOnly cookie, never in a URL. */
export function createFieldRouter(deps: { ledger: Ledger; registry: Registry; now: () => number; secureCookies?: boolean }): Router {
  const router = express.Router();
  const allow = signInLimiter(10, deps.now);
  router.use(express.json({ limit: '4kb' }));

  router.post('/session', (req, res) => {
    if (!allow(req.ip ?? 'unknown')) return res.status(429).set('Retry-After', '60').json(reject('forbidden', 'too many sign-in attempts; wait a minute'));
    const body = SignIn.safeParse(req.body);
    if (!body.success) return res.status(400).json(reject('invalid', 'send {"code": "<team code>"}'));
    const teamId = deps.registry.teamForCode(body.data.code);
    const field = teamId ? fieldStateFor(deps.ledger.state, teamId, deps.now()) : null;
    if (!teamId || !field) return res.status(401).json(reject('forbidden', 'unknown or revoked team code'));
    const token = deps.registry.createSession(teamId);
    res.cookie(FIELD_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies ?? false, path: '/', maxAge: 30 * 24 * 3600_000 });
    res.json(field);
  });

  router.get('/me', (req, res) => {
    const teamId = sessionTeam(deps.registry, req.headers.cookie);
    const field = teamId ? fieldStateFor(deps.ledger.state, teamId, deps.now()) : null;
    if (!field) return res.status(401).json(reject('forbidden', 'not signed in'));
    res.set('Cache-Control', 'no-store').json(field);
  });

  router.delete('/session', (req, res) => {
    const token = parseCookies(req.headers.cookie ?? '')[FIELD_COOKIE];
    if (token) deps.registry.endSession(token);
    res.clearCookie(FIELD_COOKIE, { path: '/' }).status(204).end();
  });
  return router;
}
