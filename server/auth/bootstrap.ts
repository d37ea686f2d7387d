import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Logger } from 'pino';
import { Password, Username } from '../../shared/auth.js';
import type { Registry } from './registry.js';
import { sha256 } from './passwords.js';

/** The first-admin setup: open until an account exists, guarded by a one-time code. */
export interface SetupGate {
  required(): boolean;
  /** True once, for the printed code; the code is spent when the admin is created. */
  check(code: string): boolean;
  spend(): void;
}

export interface FirstAdminEnv {
  username?: string;
  password?: string;
  passwordFile?: string;
}

/**
 * On first start (no accounts): creates the admin from ADMIN_PASSWORD / ADMIN_PASSWORD_FILE, or
 * prints a one-time setup code to the log for the console's setup form. Never a default password.
 */
export async function prepareFirstAdmin(registry: Registry, env: FirstAdminEnv, log: Logger): Promise<SetupGate> {
  const password = env.passwordFile ? fs.readFileSync(env.passwordFile, 'utf8').trim() : env.password;
  if (registry.accounts.count() === 0 && password) {
    const username = Username.parse(env.username ?? 'admin');
    const ok = Password.safeParse(password);
    if (!ok.success) throw new Error(`ADMIN_PASSWORD: ${ok.error.issues[0]?.message ?? 'invalid'}`);
    await registry.accounts.create({ username, displayName: username, role: 'admin', password });
    registry.audit.record({ actor: 'system:bootstrap', action: 'user.create', target: `user:${username}`, detail: 'first admin from the environment' });
    log.info({ username }, 'first admin created from the environment');
  }
  let codeHash: string | null = null;
  if (registry.accounts.count() === 0) {
    const code = crypto.randomBytes(9).toString('base64url');
    codeHash = sha256(code);
    // The code is in the message on purpose (once, at start): it is the only way in, and it dies when used.
    log.warn(`No accounts yet. Open /console and create the first admin with the one-time setup code: ${code}`);
  }
  return {
    required: () => codeHash !== null && registry.accounts.count() === 0,
    check: (code) => codeHash !== null && crypto.timingSafeEqual(Buffer.from(sha256(code.trim()), 'hex'), Buffer.from(codeHash, 'hex')),
    spend: () => {
      codeHash = null;
    },
  };
}

/** For apps built without a setup gate (tests that create accounts directly). */
export const NO_SETUP: SetupGate = { required: () => false, check: () => false, spend: () => undefined };
