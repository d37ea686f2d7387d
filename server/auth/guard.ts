import type { RequestHandler, Response, Router } from 'express';
import { can, type Permission } from '../../shared/auth.js';
import { FIELD_COMMANDS, type CommandName } from '../../shared/commands.js';
import { HTTP_STATUS } from '../../shared/protocol.js';
import { reject, type Rejection } from '../commands/validate.js';
import { ANONYMOUS, type Principal } from './principal.js';

/**
 * What a route needs: a permission from the shared matrix; `command` (decided per command name by
 * mayCommand); `device` (a tracker protocol that authenticates the device itself); `public`.
 */
export type Access = Permission | 'command' | 'device' | 'public';

export interface RouteEntry {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  access: Access;
}

const FIELD = new Set<string>(FIELD_COMMANDS);

/** The one decision for commands, on every path (socket event, HTTP, device protocols). */
export function mayCommand(p: Principal, name: CommandName | string): Rejection | null {
  if (can(p.role, 'command:any')) return null;
  if (FIELD.has(name) && can(p.role, 'command:field')) return null;
  if (name === 'position:report' && can(p.role, 'command:position')) return null;
  return denied(p, `may not send ${name}`);
}

/** The one decision for everything else. */
export function mayDo(p: Principal, permission: Permission): Rejection | null {
  return can(p.role, permission) ? null : denied(p, `needs ${permission}`);
}

function denied(p: Principal, what: string): Rejection {
  return p.kind === 'anonymous' ? reject('unauthenticated', `not signed in: ${what}`) : reject('forbidden', `role ${p.role} ${what}`);
}

export const principalOf = (res: Response): Principal => (res.locals.principal as Principal | undefined) ?? ANONYMOUS;

/** Sends a rejection with the status its code maps to. */
export function sendRejection(res: Response, r: Rejection): void {
  res.status(HTTP_STATUS[r.error.code]).json(r);
}

function requires(access: Access): RequestHandler[] {
  if (access === 'public' || access === 'device' || access === 'command') return [];
  return [
    (_req, res, next) => {
      const no = mayDo(principalOf(res), access);
      if (no) return sendRejection(res, no);
      next();
    },
  ];
}

/**
 * Declares routes with the access each needs: the guard runs before the handler, and the entry goes
 * into the app's route table, which the authorization matrix test walks.
 */
export function declareRoutes(router: Router, mount: string, table: RouteEntry[]) {
  return (method: RouteEntry['method'], path: string, access: Access, ...handlers: RequestHandler[]): void => {
    table.push({ method, path: `${mount}${path}`, access });
    router[method](path, ...requires(access), ...handlers);
  };
}
