import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
// file leaks; a slow hash is for human-chosen passwords (the accounts issue adds those).
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L: read over a phone call

/** A team sign-in code like `K7M2Q-9XR4T` (about 49 bits). */
export function newTeamCode(): string {
  const chars = Array.from(crypto.randomBytes(10), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

const normalizeCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * Credentials kept apart from the event log (its own SQLite file): team sign-in codes, field
 * sessions and registered tracker devices. Secrets are stored hashed; lookups hit the file every
 * time, so a revocation takes effect at once.
 */
export class Registry {
  private readonly db: Database.Database;

  constructor(file: string, private readonly now: () => number = Date.now) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
  }

  /** Issues a new sign-in code for a team; earlier codes stay valid until revoked. */
  issueTeamCode(teamId: string): string {
    const code = newTeamCode();
    this.db.prepare('INSERT INTO team_codes (code_hash, team_id, created_at) VALUES (?, ?, ?)').run(sha256(normalizeCode(code)), teamId, this.now());
    return code;
  }

  revokeTeamCodes(teamId: string): number {
    return this.db.prepare('UPDATE team_codes SET revoked_at = ? WHERE team_id = ? AND revoked_at IS NULL').run(this.now(), teamId).changes;
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
    const row = this.db
      .prepare<[string, number], { team_id: string }>('SELECT team_id FROM sessions WHERE token_hash = ? AND expires_at > ?')
      .get(sha256(token), this.now());
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
    return this.db.prepare('UPDATE devices SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL').run(this.now(), deviceId).changes > 0;
  }

  /** The team of an active device, checking its secret when it has one. Null when unknown, revoked or wrong. */
  deviceTeam(deviceId: string, protocol: Exclude<DeviceProtocol, 'any'>, secret?: string): string | null {
    const row = this.db
      .prepare<[string], { team_id: string; protocol: string; secret_hash: string | null }>(
        'SELECT team_id, protocol, secret_hash FROM devices WHERE device_id = ? AND revoked_at IS NULL',
      )
      .get(deviceId);
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
