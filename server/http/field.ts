import express, { type Router } from 'express';
import { parse as parseCookies } from 'cookie';
import { FieldSignInRequest } from '../../shared/auth.js';
import { FIELD_COOKIE } from '../auth/principal.js';
import { declareRoutes, principalOf, type RouteEntry } from '../auth/guard.js';
import type { RateLimits } from './rateLimit.js';
import { fieldStateFor } from '../live/fieldState.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Registry } from '../auth/registry.js';
import { reject } from '../commands/validate.js';

export interface FieldRouterDeps {
  ledger: Ledger;
  registry: Registry;
  now: () => number;
  limits: RateLimits;
  routes: RouteEntry[];
  secureCookies?: boolean;
}

/** Field sign-in with a team code; the session lives in an httpOnly cookie, never in a URL. */
export function createFieldRouter(deps: FieldRouterDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: '4kb' }));
  const route = declareRoutes(router, '/api/field', deps.routes);

  route('post', '/session', 'public', deps.limits.signIn, (req, res) => {
    const body = FieldSignInRequest.safeParse(req.body);
    if (!body.success) return res.status(400).json(reject('invalid', 'send {"code": "<team code>"}'));
    const teamId = deps.registry.teamForCode(body.data.code);
    const field = teamId ? fieldStateFor(deps.ledger.state, teamId, deps.now()) : null;
    deps.registry.audit.record({ actor: teamId ? `team:${teamId}` : 'anonymous:-', action: 'sign-in', target: 'field', ok: field !== null, ip: req.ip ?? null });
    if (!teamId || !field) return res.status(401).json(reject('unauthenticated', 'unknown or revoked team code'));
    const token = deps.registry.createSession(teamId);
    res.cookie(FIELD_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies ?? false, path: '/', maxAge: 30 * 24 * 3600_000 });
    res.json(field);
  });

  route('get', '/me', 'field:self', (_req, res) => {
    const teamId = principalOf(res).teamId;
    const field = teamId ? fieldStateFor(deps.ledger.state, teamId, deps.now()) : null;
    if (!field) return res.status(404).json(reject('unknown_entity', 'this team is not in the picture'));
    res.set('Cache-Control', 'no-store').json(field);
  });

  route('delete', '/session', 'public', (req, res) => {
    const token = parseCookies(req.headers.cookie ?? '')[FIELD_COOKIE];
    if (token) deps.registry.endSession(token);
    res.clearCookie(FIELD_COOKIE, { path: '/' }).status(204).end();
  });
  return router;
}
