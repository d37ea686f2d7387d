import crypto from 'node:crypto';
import { PeopleRole, Username } from '../../shared/auth.js';
import type { Registry } from './registry.js';

/** A readable random password (~100 bits), printed once by the CLI. */
export const randomPassword = () => crypto.randomBytes(15).toString('base64url').replace(/(.{5})(?!$)/g, '$1-');

export type CliOutcome = { ok: true; out: string[]; err: string[] } | { ok: false; message: string; usage?: boolean };

/**
 * Account commands of the admin CLI: for a server shell when nobody can sign in (lost admin
 * password) or for scripted set-ups. Passwords are generated, printed once and stored as scrypt.
 */
export async function runAccountCommand(registry: Registry, key: string, rest: string[]): Promise<CliOutcome> {
  const audit = (action: string, target: string) => registry.audit.record({ actor: 'system:cli', action, target });
  switch (key) {
    case 'user list':
      return { ok: true, out: registry.accounts.list().map((u) => [u.username, u.role, u.disabled ? 'disabled' : 'active', u.displayName].join('\t')), err: [] };
    case 'user add': {
      const username = Username.safeParse(rest[0]);
      const role = PeopleRole.safeParse(rest[1]);
      if (rest.length !== 2 || !username.success || !role.success) return { ok: false, message: 'user add takes <username> <admin|commander|analyst>', usage: true };
      if (registry.accounts.get(username.data)) return { ok: false, message: `User ${username.data} already exists.` };
      const password = randomPassword();
      await registry.accounts.create({ username: username.data, displayName: username.data, role: role.data, password });
      audit('user.create', `user:${username.data}`);
      return { ok: true, out: [password], err: [`Created ${role.data} ${username.data}; the password above is shown once.`] };
    }
    case 'user reset-password': {
      const username = Username.safeParse(rest[0]);
      if (rest.length !== 1 || !username.success) return { ok: false, message: 'user reset-password takes <username>', usage: true };
      const password = randomPassword();
      if (!(await registry.accounts.update(username.data, { password, disabled: false }))) return { ok: false, message: `No user ${username.data}.` };
      registry.accounts.endSessionsOf('user', username.data);
      audit('user.update', `user:${username.data}`);
      return { ok: true, out: [password], err: [`New password for ${username.data} (account enabled, sessions ended; open sockets close within 30 s).`] };
    }
    case 'wall-token': {
      const label = rest.join(' ').trim();
      if (!label || label.length > 80) return { ok: false, message: 'wall-token takes <label> (1–80 characters)', usage: true };
      const { view, token } = registry.tokens.issue({ kind: 'wall', label, createdBy: 'system:cli' });
      audit('token.issue', `token:${view.id}`);
      return { ok: true, out: [token], err: [`Wall token ${view.id} for "${label}": open http://<server>:8080/#wall-token=<token> on the wall, or type it on its sign-in screen.`] };
    }
    default:
      return { ok: false, message: `Unknown command: ${key}`, usage: true };
  }
}
