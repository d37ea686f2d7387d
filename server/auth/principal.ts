import { parse as parseCookies } from 'cookie';
import { ROLE_PERMISSIONS, type Me, type PrincipalKind, type Role } from '../../shared/auth.js';
import type { Registry } from './registry.js';

export const SESSION_COOKIE = 'gc_session';
export const FIELD_COOKIE = 'gc_field';

/** Who is calling, resolved once per request or socket from its credential. */
export interface Principal {
  kind: PrincipalKind;
  role: Role | 'anonymous';
  /** Username, token id or team id. */
  id: string;
  displayName: string;
  /** What the event log records as the author of this principal's changes. */
  actor: string;
  /** Set for a team's phone or device token: it reports as this team only. */
  teamId: string | null;
  /** Socket rooms that a revocation of this principal's credential disconnects. */
  rooms: string[];
}

export const ANONYMOUS: Principal = { kind: 'anonymous', role: 'anonymous', id: '', displayName: '', actor: 'anonymous:-', teamId: null, rooms: [] };

export interface Credentials {
  cookie?: string;
  /** An `Authorization: Bearer …` header. */
  authorization?: string;
  /** A token from the Socket.IO handshake `auth`. */
  token?: string;
  /** Only the field cookie counts (a phone's socket). */
  fieldOnly?: boolean;
}

/**
 * Resolves a credential: a bearer/handshake token, else the people/wall session cookie, else the
 * field session cookie. Anything unknown, expired, revoked or disabled is anonymous.
 */
export function authenticate(registry: Registry, c: Credentials): Principal {
  const bearer = c.token ?? /^Bearer\s+(\S{1,300})$/i.exec(c.authorization ?? '')?.[1];
  if (bearer) return fromToken(registry, bearer);
  const cookies = parseCookies(c.cookie ?? '');
  const session = c.fieldOnly ? undefined : cookies[SESSION_COOKIE];
  if (session) {
    const p = fromSession(registry, session);
    if (p.kind !== 'anonymous' || !cookies[FIELD_COOKIE]) return p;
  }
  const field = cookies[FIELD_COOKIE];
  const teamId = field ? registry.teamForSession(field) : null;
  return teamId ? teamPrincipal(teamId, [`teamcode:${teamId}`]) : ANONYMOUS;
}

function teamPrincipal(teamId: string, rooms: string[]): Principal {
  return { kind: 'team', role: 'field', id: teamId, displayName: teamId, actor: `team:${teamId}`, teamId, rooms };
}

function fromToken(registry: Registry, secret: string): Principal {
  const t = registry.tokens.resolve(secret);
  if (!t || t.revokedAt !== null) return ANONYMOUS;
  const rooms = [`token:${t.id}`];
  if (t.kind === 'device' && t.teamId) return teamPrincipal(t.teamId, rooms);
  const kind = t.kind === 'wall' ? 'wall' : 'service';
  return { kind, role: t.role, id: t.id, displayName: t.label, actor: `${kind}:${t.id}`, teamId: null, rooms };
}

function fromSession(registry: Registry, secret: string): Principal {
  const s = registry.accounts.session(secret);
  if (!s) return ANONYMOUS;
  if (s.kind === 'wall') {
    const t = registry.tokens.get(s.subject);
    if (!t || t.revokedAt !== null) return ANONYMOUS;
    return { kind: 'wall', role: 'wall', id: t.id, displayName: t.label, actor: `wall:${t.id}`, teamId: null, rooms: [`token:${t.id}`] };
  }
  const u = registry.accounts.get(s.subject);
  if (!u || u.disabled) return ANONYMOUS;
  return { kind: 'user', role: u.role, id: u.username, displayName: u.displayName, actor: `user:${u.username}`, teamId: null, rooms: [`user:${u.username}`] };
}

/** What GET /api/auth/me answers. */
export function meOf(p: Principal, setupRequired: boolean): Me {
  return { kind: p.kind, role: p.role, id: p.id, displayName: p.displayName, permissions: [...ROLE_PERMISSIONS[p.role]], setupRequired };
}
