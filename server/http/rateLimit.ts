import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { reject, type Rejection } from '../commands/validate.js';
import type { Principal } from '../auth/principal.js';
import { principalOf, sendRejection } from '../auth/guard.js';

/** Requests (or commands) allowed per key in each 10 s window. */
export interface RateLimitConfig {
  /** Every HTTP request, per client address. */
  perIp: number;
  /** Every HTTP request and socket command, per signed-in principal (user, wall, team, tracker device). */
  perActor: number;
  /** Sign-in attempts (password, setup, wall, team code), per client address. */
  signInPerIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { perIp: 1000, perActor: 300, signInPerIp: 10 };
const WINDOW_S = 10;

export type Limit = (key: string) => Promise<Rejection | null>;

/** A fixed-window counter (rate-limiter-flexible) answering with a rejection that says when to retry. */
export function limiter(points: number, durationS = WINDOW_S, what = 'requests'): Limit {
  const rl = new RateLimiterMemory({ points, duration: durationS });
  return async (key) => {
    try {
      await rl.consume(key);
      return null;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      return reject('rate_limited', `too many ${what}; retry in ${Math.ceil(res.msBeforeNext / 1000)} s`);
    }
  };
}

/** Programs the server runs itself (the simulator) are not limited. */
const exempt = (p: Principal) => p.kind === 'service' && p.actor === 'service:simulator';

/** Rate limits for every path: one instance per app so tests do not share counters. */
export function createRateLimits(cfg: RateLimitConfig) {
  const ip = limiter(cfg.perIp);
  const actor = limiter(cfg.perActor);
  const signIn = limiter(cfg.signInPerIp, 60, 'sign-in attempts');
  const answer = (res: Parameters<RequestHandler>[1], no: Rejection) => {
    res.set('Retry-After', String(/retry in (\d+)/.exec(no.error.message)?.[1] ?? WINDOW_S));
    sendRejection(res, no);
  };
  const middleware = (check: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => Promise<Rejection | null>): RequestHandler =>
    (req, res, next) => {
      check(req, res).then((no) => (no ? answer(res, no) : next()), next);
    };
  return {
    /** Per client address, before anything else. */
    perIp: middleware((req) => ip(req.ip ?? 'unknown')),
    /** Per principal, after authentication. */
    perActor: middleware(async (_req, res) => {
      const p = principalOf(res);
      return p.kind === 'anonymous' || exempt(p) ? null : actor(p.actor);
    }),
    /** Sign-in attempts per address. */
    signIn: middleware((req) => signIn(req.ip ?? 'unknown')),
    /** A socket command from this principal. */
    command: (p: Principal): Promise<Rejection | null> => (exempt(p) ? Promise.resolve(null) : actor(p.actor)),
    /** A tracker fix from this device (its own budget, whatever address it comes from). */
    device: (deviceId: string): Promise<Rejection | null> => actor(`tracker:${deviceId}`),
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;
