import express, { type Request, type Response, type Router } from 'express';
import { parse as parseCookies } from 'cookie';
import type { z } from 'zod';
import { SetupRequest, SignInRequest, WallSignInRequest } from '../../shared/auth.js';
import { reject, toIssues } from '../commands/validate.js';
import { SESSION_TTL_MS } from '../auth/accounts.js';
import type { SetupGate } from '../auth/bootstrap.js';
import { declareRoutes, principalOf, sendRejection, type RouteEntry } from '../auth/guard.js';
import { authenticate, meOf, SESSION_COOKIE } from '../auth/principal.js';
import type { Registry } from '../auth/registry.js';
import type { RateLimits } from './rateLimit.js';

export interface AuthRouterDeps {
  registry: Registry;
  setup: SetupGate;
  limits: RateLimits;
  routes: RouteEntry[];
  secureCookies?: boolean;
}

/** Parses a JSON body with a shared schema, answering 400 with the first problem. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request, res: Response): z.infer<S> | null {
  const r = schema.safeParse(req.body);
  if (r.success) return r.data;
  const issues = toIssues(r.error);
  sendRejection(res, reject('invalid', `invalid request: ${issues[0]?.path}: ${issues[0]?.message}`, issues));
  return null;
}

/** People sign in with a password, walls with their token, the first admin with the setup code. */
export function createAuthRouter(deps: AuthRouterDeps): Router {
  const { registry, setup, limits } = deps;
  const router = express.Router();
  router.use(express.json({ limit: '4kb' }));
  const route = declareRoutes(router, '/api/auth', deps.routes);
  const ip = (req: Request) => req.ip ?? null;

  const startSession = (res: Response, kind: 'user' | 'wall', subject: string) => {
    const token = registry.accounts.openSession(kind, subject);
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies ?? false, path: '/', maxAge: SESSION_TTL_MS[kind] });
    const me = meOf(authenticate(registry, { cookie: `${SESSION_COOKIE}=${token}` }), false);
    res.set('Cache-Control', 'no-store').json(me);
  };

  route('get', '/me', 'public', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(meOf(principalOf(res), setup.required()));
  });

  route('post', '/session', 'public', limits.signIn, async (req, res, next) => {
    try {
      const body = parseBody(SignInRequest, req, res);
      if (!body) return;
      const user = await registry.accounts.verify(body.username, body.password);
      registry.audit.record({ actor: `user:${body.username}`, action: 'sign-in', target: 'console', ok: user !== null, ip: ip(req) });
      if (!user) return sendRejection(res, reject('unauthenticated', 'wrong username or password, or the account is disabled'));
      startSession(res, 'user', user.username);
    } catch (err) {
      next(err);
    }
  });

  route('delete', '/session', 'public', (req, res) => {
    const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
    const p = principalOf(res);
    if (token) registry.accounts.endSession(token);
    if (p.kind !== 'anonymous') registry.audit.record({ actor: p.actor, action: 'sign-out', target: p.kind, ip: ip(req) });
    res.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).end();
  });

  route('post', '/setup', 'public', limits.signIn, async (req, res, next) => {
    try {
      if (!setup.required()) return sendRejection(res, { ...reject('forbidden', 'setup is done: sign in instead') });
      const body = parseBody(SetupRequest, req, res);
      if (!body) return;
      if (!setup.check(body.setupCode)) {
        registry.audit.record({ actor: `user:${body.username}`, action: 'setup', target: 'first admin', ok: false, ip: ip(req) });
        return sendRejection(res, reject('unauthenticated', 'wrong setup code: see the server log'));
      }
      setup.spend();
      await registry.accounts.create({ username: body.username, displayName: body.displayName, role: 'admin', password: body.password });
      registry.audit.record({ actor: `user:${body.username}`, action: 'user.create', target: `user:${body.username}`, ip: ip(req), detail: 'first admin (setup code)' });
      startSession(res, 'user', body.username);
    } catch (err) {
      next(err);
    }
  });

  route('post', '/wall', 'public', limits.signIn, (req, res) => {
    const body = parseBody(WallSignInRequest, req, res);
    if (!body) return;
    const t = registry.tokens.resolve(body.token);
    const ok = t !== null && t.kind === 'wall';
    registry.audit.record({ actor: ok ? `wall:${t.id}` : 'anonymous:-', action: 'sign-in', target: 'wall', ok, ip: ip(req) });
    if (!ok) return sendRejection(res, reject('unauthenticated', 'unknown or revoked wall code'));
    startSession(res, 'wall', t.id);
  });
  return router;
}
