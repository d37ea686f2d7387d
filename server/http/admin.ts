import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import { CreateUserRequest, IssueTokenRequest, RegisterDeviceRequest, TeamId, UpdateUserRequest, type AuditEntry } from '../../shared/auth.js';
import { reject } from '../commands/validate.js';
import { declareRoutes, principalOf, sendRejection, type RouteEntry } from '../auth/guard.js';
import type { Registry } from '../auth/registry.js';
import type { Ledger } from '../ledger/ledger.js';
import { parseBody } from './auth.js';

export const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(2000).default(200), source: z.enum(['access', 'change']).optional() });

/** Accounts, tokens, trackers, team codes and the audit view: admins only (the route table says so). */
export function createAdminRouter(deps: { registry: Registry; ledger: Ledger; routes: RouteEntry[] }): Router {
  const { registry } = deps;
  const router = express.Router();
  router.use(express.json({ limit: '8kb' }));
  const route = declareRoutes(router, '/api/admin', deps.routes);
  const audit = (req: Request, res: express.Response, action: string, target: string, detail?: string) =>
    registry.audit.record({ actor: principalOf(res).actor, action, target, ip: req.ip ?? null, detail });
  router.use((_req, res, next) => void (res.set('Cache-Control', 'no-store'), next()));

  route('get', '/users', 'accounts:manage', (_req, res) => void res.json(registry.accounts.list()));

  route('post', '/users', 'accounts:manage', async (req, res, next) => {
    try {
      const body = parseBody(CreateUserRequest, req, res);
      if (!body) return;
      if (registry.accounts.get(body.username)) return sendRejection(res, reject('invalid', `user ${body.username} already exists`));
      const user = await registry.accounts.create(body);
      audit(req, res, 'user.create', `user:${user.username}`, `role ${user.role}`);
      res.status(201).json(user);
    } catch (err) {
      next(err);
    }
  });

  route('patch', '/users/:username', 'accounts:manage', async (req, res, next) => {
    try {
      const body = parseBody(UpdateUserRequest, req, res);
      if (!body) return;
      const username = String(req.params.username);
      const before = registry.accounts.get(username);
      if (!before) return sendRejection(res, reject('unknown_entity', `no user ${username}`));
      const losesAdmin = before.role === 'admin' && !before.disabled && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'));
      const admins = registry.accounts.list().filter((u) => u.role === 'admin' && !u.disabled).length;
      if (losesAdmin && admins <= 1) return sendRejection(res, reject('forbidden', 'this is the last enabled admin: make another admin first'));
      const user = await registry.accounts.update(username, body);
      const changed = Object.keys(body).filter((k) => k !== 'password').map((k) => `${k}=${String(body[k as keyof typeof body])}`);
      audit(req, res, 'user.update', `user:${username}`, [...changed, ...(body.password ? ['password reset'] : [])].join(', '));
      if (body.role !== undefined || body.disabled !== undefined || body.password !== undefined) registry.endUserSessions(username);
      res.json(user);
    } catch (err) {
      next(err);
    }
  });

  route('get', '/tokens', 'accounts:manage', (_req, res) => void res.json(registry.tokens.list()));

  route('post', '/tokens', 'accounts:manage', (req, res) => {
    const body = parseBody(IssueTokenRequest, req, res);
    if (!body) return;
    if (body.teamId !== undefined && !Object.hasOwn(deps.ledger.state.teams, body.teamId)) return sendRejection(res, reject('unknown_entity', `no team ${body.teamId}`));
    const { view, token } = registry.tokens.issue({ ...body, createdBy: principalOf(res).actor });
    audit(req, res, 'token.issue', `token:${view.id}`, `${view.kind} ${view.label}`);
    res.status(201).json({ ...view, token });
  });

  route('delete', '/tokens/:id', 'accounts:manage', (req, res) => {
    const id = String(req.params.id);
    if (!registry.revokeToken(id)) return sendRejection(res, reject('unknown_entity', `no active token ${id}`));
    audit(req, res, 'token.revoke', `token:${id}`);
    res.status(204).end();
  });

  route('get', '/devices', 'accounts:manage', (_req, res) => void res.json(registry.listDevices()));

  route('post', '/devices', 'accounts:manage', (req, res) => {
    const body = parseBody(RegisterDeviceRequest, req, res);
    if (!body) return;
    if (!Object.hasOwn(deps.ledger.state.teams, body.teamId)) return sendRejection(res, reject('unknown_entity', `no team ${body.teamId}`));
    registry.registerDevice(body);
    audit(req, res, 'device.register', `device:${body.deviceId}`, `team ${body.teamId}, ${body.protocol}`);
    res.status(201).json(registry.listDevices().find((d) => d.deviceId === body.deviceId));
  });

  route('delete', '/devices/:deviceId', 'accounts:manage', (req, res) => {
    const id = String(req.params.deviceId);
    if (!registry.revokeDevice(id)) return sendRejection(res, reject('unknown_entity', `no active device ${id}`));
    audit(req, res, 'device.revoke', `device:${id}`);
    res.status(204).end();
  });

  route('post', '/teams/:teamId/code', 'accounts:manage', (req, res) => {
    const teamId = TeamId.safeParse(req.params.teamId);
    if (!teamId.success || !Object.hasOwn(deps.ledger.state.teams, teamId.data)) return sendRejection(res, reject('unknown_entity', `no team ${String(req.params.teamId)}`));
    const code = registry.issueTeamCode(teamId.data);
    audit(req, res, 'teamcode.issue', `team:${teamId.data}`);
    res.status(201).json({ teamId: teamId.data, code });
  });

  route('delete', '/teams/:teamId/codes', 'accounts:manage', (req, res) => {
    const teamId = String(req.params.teamId);
    if (!Object.hasOwn(deps.ledger.state.teams, teamId)) return sendRejection(res, reject('unknown_entity', `no team ${teamId}`));
    const revoked = registry.revokeTeamCodes(teamId);
    audit(req, res, 'teamcode.revoke', `team:${teamId}`, `${revoked} code(s)`);
    res.json({ revoked });
  });

  route('get', '/audit', 'audit:read', async (req, res, next) => {
    try {
      const q = AuditQuery.safeParse(req.query);
      if (!q.success) return sendRejection(res, reject('invalid', 'limit: 1–2000; source: access or change'));
      res.json(await auditView(registry, deps.ledger, q.data.limit, q.data.source));
    } catch (err) {
      next(err);
    }
  });
  return router;
}

/** The newest access events and/or changes, merged by time, newest first. */
export async function auditView(registry: Registry, ledger: Ledger, limit: number, source?: AuditEntry['source']): Promise<AuditEntry[]> {
  const access = source === 'change' ? [] : registry.audit.list(limit);
  if (source === 'access') return access;
  const last = ledger.state.seq;
  const changes: AuditEntry[] = [];
  for await (const e of ledger.store.readEvents(Math.max(0, last - limit), last)) {
    const d = e.data as Record<string, unknown>;
    const target = ['taskId', 'incidentId', 'checkpointId', 'cellId', 'teamId', 'id'].map((k) => d[k]).find((v) => typeof v === 'string') as string | undefined;
    changes.push({ at: e.serverTime, source: 'change', actor: e.actor, action: e.type, target: target ?? '', ok: true, ip: null, detail: null, seq: e.seq });
  }
  return [...access, ...changes].sort((a, b) => b.at - a.at || (b.seq ?? 0) - (a.seq ?? 0)).slice(0, limit);
}
