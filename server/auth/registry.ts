import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { Accounts, ACCOUNTS_SCHEMA } from './accounts.js';
import { Tokens, TOKENS_SCHEMA } from './tokens.js';
import { AuditLog, AUDIT_SCHEMA } from './audit.js';
import { sha256 } from './passwords.js';

/** Tracker protocols a device may use. */
export type DeviceProtocol = 'osmand' | 'owntracks' | 'any';

export interface Device {
  deviceId: string;
  teamId: string;
  protocol: DeviceProtocol;
  label: string;
  hasSecret: boolean;
  createdAt: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS team_codes (
  code_hash TEXT PRIMARY KEY, team_id TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, team_id TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  device_id TEXT PRIMARY KEY, team_id TEXT NOT NULL, protocol TEXT NOT NULL, label TEXT NOT NULL,
  secret_hash TEXT, created_at INTEGER NOT NULL, revoked_at INTEGER);
`;

// Codes and tokens are long random strings, so one SHA-256 is enough to keep them useless if the
// file leaks; people's passwords get scrypt (passwords.ts).
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L: read over a phone call

/** A team sign-in code like `K7M2Q-9XR4T` (about 49 bits). */
export function newTeamCode(): string {
  const chars = Array.from(crypto.randomBytes(10), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

const normalizeCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * A credential was withdrawn: sockets that joined this room (see principal.ts `keys`) must be
 * disconnected at once.
 */
export type RevokedListener = (room: string) => void;

/**
 * Credentials kept apart from the event log (its own SQLite file): people's accounts and sessions,
 * wall/device/service tokens, team sign-in codes and field sessions, tracker devices, and the
 * access audit. Secrets are stored hashed; lookups hit the file every time, so a revocation takes
 * effect at once for HTTP, and through `onRevoked` for open sockets.
 */
export class Registry {
  private readonly db: Database.Database;
  readonly accounts: Accounts;
  readonly tokens: Tokens;
  readonly audit: AuditLog;
  private readonly revoked = new EventEmitter();
  private readonly q;

  constructor(file: string, private readonly now: () => number = Date.now) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA + ACCOUNTS_SCHEMA + TOKENS_SCHEMA + AUDIT_SCHEMA);
    this.accounts = new Accounts(this.db, now);
    this.tokens = new Tokens(this.db, now);
    this.audit = new AuditLog(this.db, now);
    this.revoked.setMaxListeners(0);
    this.q = {
      device: this.db.prepare<[string], { team_id: string; protocol: string; secret_hash: string | null }>(
        'SELECT team_id, protocol, secret_hash FROM devices WHERE device_id = ? AND revoked_at IS NULL',
      ),
      teamSession: this.db.prepare<[string, number], { team_id: string }>('SELECT team_id FROM sessions WHERE token_hash = ? AND expires_at > ?'),
    };
  }

  onRevoked(listener: RevokedListener): () => void {
    this.revoked.on('room', listener);
    return () => this.revoked.off('room', listener);
  }

  /** Tells open sockets of this credential to go (see principal.ts for the room names). */
  announceRevoked(room: string): void {
    this.revoked.emit('room', room);
  }

  /** Revokes a token and closes every session and socket it opened. */
  revokeToken(id: string): boolean {
    const ok = this.tokens.revoke(id);
    if (ok) {
      this.accounts.endSessionsOf('wall', id);
      this.announceRevoked(`token:${id}`);
    }
    return ok;
  }

  /** After a role change, a disabled account or a new password: every session of the user ends. */
  endUserSessions(username: string): void {
    this.accounts.endSessionsOf('user', username);
    this.announceRevoked(`user:${username}`);
  }

  /** Issues a new sign-in code for a team; earlier codes stay valid until revoked. */
  issueTeamCode(teamId: string): string {
    const code = newTeamCode();
    this.db.prepare('INSERT INTO team_codes (code_hash, team_id, created_at) VALUES (?, ?, ?)').run(sha256(normalizeCode(code)), teamId, this.now());
    return code;
  }

  /** Revokes the team's codes and signs its phones out (open sockets too). */
  revokeTeamCodes(teamId: string): number {
    const n = this.db.prepare('UPDATE team_codes SET revoked_at = ? WHERE team_id = ? AND revoked_at IS NULL').run(this.now(), teamId).changes;
    this.db.prepare('DELETE FROM sessions WHERE team_id = ?').run(teamId);
    this.announceRevoked(`teamcode:${teamId}`);
    return n;
  }

  teamForCode(code: string): string | null {
    const row = this.db
      .prepare<[string], { team_id: string }>('SELECT team_id FROM team_codes WHERE code_hash = ? AND revoked_at IS NULL')
      .get(sha256(normalizeCode(code)));
    return row?.team_id ?? null;
  }

  /** Opens a field session; the token goes only into an httpOnly cookie. */
  createSession(teamId: string, ttlMs = 30 * 24 * 3600_000): string {
    const token = crypto.randomBytes(32).toString('base64url');
    this.db.prepare('INSERT INTO sessions (token_hash, team_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(sha256(token), teamId, this.now(), this.now() + ttlMs);
    return token;
  }

  teamForSession(token: string): string | null {
    const row = this.q.teamSession.get(sha256(token), this.now());
    return row?.team_id ?? null;
  }

  endSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sha256(token));
  }

  registerDevice(d: { deviceId: string; teamId: string; protocol?: DeviceProtocol; label?: string; secret?: string }): void {
    this.db
      .prepare(
        `INSERT INTO devices (device_id, team_id, protocol, label, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(device_id) DO UPDATE SET team_id = excluded.team_id, protocol = excluded.protocol, label = excluded.label,
           secret_hash = excluded.secret_hash, created_at = excluded.created_at, revoked_at = NULL`,
      )
      .run(d.deviceId, d.teamId, d.protocol ?? 'any', d.label ?? d.deviceId, d.secret ? sha256(d.secret) : null, this.now());
  }

  revokeDevice(deviceId: string): boolean {
    const ok = this.db.prepare('UPDATE devices SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL').run(this.now(), deviceId).changes > 0;
    if (ok) this.announceRevoked(`device:${deviceId}`);
    return ok;
  }

  /** The team of an active device, checking its secret when it has one. Null when unknown, revoked or wrong. */
  deviceTeam(deviceId: string, protocol: Exclude<DeviceProtocol, 'any'>, secret?: string): string | null {
    const row = this.q.device.get(deviceId);
    if (!row || (row.protocol !== 'any' && row.protocol !== protocol)) return null;
    if (row.secret_hash) {
      if (secret === undefined) return null;
      const given = Buffer.from(sha256(secret), 'hex');
      if (!crypto.timingSafeEqual(given, Buffer.from(row.secret_hash, 'hex'))) return null;
    }
    return row.team_id;
  }

  listDevices(): Device[] {
    return this.db
      .prepare<[], { device_id: string; team_id: string; protocol: DeviceProtocol; label: string; secret_hash: string | null; created_at: number }>(
        'SELECT * FROM devices WHERE revoked_at IS NULL ORDER BY device_id',
      )
      .all()
      .map((r) => ({ deviceId: r.device_id, teamId: r.team_id, protocol: r.protocol, label: r.label, hasSecret: r.secret_hash !== null, createdAt: r.created_at }));
  }

  close(): void {
    this.db.close();
  }
}
