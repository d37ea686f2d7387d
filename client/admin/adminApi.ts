import type { AuditEntry, DeviceView, IssuedToken, PeopleRole, TokenKind, TokenView, UserView } from '../../shared/auth.js';
import type { Team } from '../../shared/entities.js';
import { call } from '../auth/authApi.js';

// The admin page's calls (the only file here that fetches). Answers are the shared contract's
// shapes (shared/auth.ts) from our own origin; refusals arrive as ApiError with the server's message.

const send = <T>(method: 'POST' | 'PATCH', url: string, body: unknown) => call<T>(url, { method, body: JSON.stringify(body) });
const remove = <T = void>(url: string) => call<T>(url, { method: 'DELETE' });
const seg = encodeURIComponent;

export const listUsers = () => call<UserView[]>('/api/admin/users');
export const createUser = (req: { username: string; displayName: string; role: PeopleRole; password: string }) => send<UserView>('POST', '/api/admin/users', req);
export const updateUser = (username: string, patch: { displayName?: string; role?: PeopleRole; disabled?: boolean; password?: string }) =>
  send<UserView>('PATCH', `/api/admin/users/${seg(username)}`, patch);

export const listTokens = () => call<TokenView[]>('/api/admin/tokens');
export const issueToken = (req: { kind: TokenKind; label: string; teamId?: string; role?: 'commander' | 'analyst' }) => send<IssuedToken>('POST', '/api/admin/tokens', req);
export const revokeToken = (id: string) => remove(`/api/admin/tokens/${seg(id)}`);

export const listDevices = () => call<DeviceView[]>('/api/admin/devices');
export const registerDevice = (req: { deviceId: string; teamId: string; protocol: 'osmand' | 'owntracks' | 'any'; label?: string; secret?: string }) =>
  send<DeviceView>('POST', '/api/admin/devices', req);
export const revokeDevice = (deviceId: string) => remove(`/api/admin/devices/${seg(deviceId)}`);

export const issueTeamCode = (teamId: string) => send<{ teamId: string; code: string }>('POST', `/api/admin/teams/${seg(teamId)}/code`, {});
export const revokeTeamCodes = (teamId: string) => remove<{ revoked: number }>(`/api/admin/teams/${seg(teamId)}/codes`);

/** Newest first. `source` keeps the position reports of 160 teams from pushing sign-ins and token changes out of the page. */
export const listAudit = (limit = 200, source?: AuditEntry['source']) => call<AuditEntry[]>(`/api/admin/audit?limit=${limit}${source ? `&source=${source}` : ''}`);

/** Team ids and names, for the team pickers (the v1 read API; an admin may read history). */
export async function listTeams(): Promise<Pick<Team, 'id' | 'name' | 'kind'>[]> {
  const answer = await call<{ items: Team[] }>('/api/v1/teams');
  return answer.items.map(({ id, name, kind }) => ({ id, name, kind }));
}
