import type Database from 'better-sqlite3';
import type { PeopleRole, UserView } from '../../shared/auth.js';
import { hashPassword, newSecret, sha256, verifyPassword, dummyHash } from './passwords.js';

export const ACCOUNTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL, disabled_at INTEGER, last_sign_in_at INTEGER);
CREATE TABLE IF NOT EXISTS web_sessions (
  token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL,
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS web_sessions_subject ON web_sessions (kind, subject);
`;

interface UserRow {
  username: string;
  display_name: string;
  role: PeopleRole;
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
  last_sign_in_at: number | null;
}

/** A browser session: a person (`user`) or a wall display signed in with its token (`wall`). */
export interface WebSession {
  kind: 'user' | 'wall';
  subject: string;
  expiresAt: number;
}

/** People sign in for a working shift; a wall stays signed in until its token is revoked. */
export const SESSION_TTL_MS = { user: 12 * 3600_000, wall: 365 * 24 * 3600_000 } as const;

const view = (r: UserRow): UserView => ({
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled_at !== null,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
});

/** People's accounts (scrypt password hashes) and browser sessions, in the registry file. */
export class Accounts {
  private readonly q;

  constructor(private readonly db: Database.Database, private readonly now: () => number) {
    this.q = {
      user: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
      users: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users'),
      insert: db.prepare('INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
      signedIn: db.prepare('UPDATE users SET last_sign_in_at = ? WHERE username = ?'),
      session: db.prepare<[string, number], { kind: 'user' | 'wall'; subject: string; expires_at: number }>(
        'SELECT kind, subject, expires_at FROM web_sessions WHERE token_hash = ? AND expires_at > ?',
      ),
      newSession: db.prepare('INSERT INTO web_sessions (token_hash, kind, subject, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
      endSession: db.prepare('DELETE FROM web_sessions WHERE token_hash = ?'),
      endSessionsOf: db.prepare('DELETE FROM web_sessions WHERE kind = ? AND subject = ?'),
      purge: db.prepare('DELETE FROM web_sessions WHERE expires_at <= ?'),
    };
  }

  count(): number {
    return this.q.count.get()!.n;
  }

  get(username: string): UserView | null {
    const row = this.q.user.get(username);
    return row ? view(row) : null;
  }

  list(): UserView[] {
    return this.q.users.all().map(view);
  }

  /** Throws when the username is taken. */
  async create(u: { username: string; displayName: string; role: PeopleRole; password: string }): Promise<UserView> {
    const hash = await hashPassword(u.password);
    if (this.q.user.get(u.username)) throw new Error(`user ${u.username} already exists`);
    this.q.insert.run(u.username, u.displayName, u.role, hash, this.now());
    return this.get(u.username)!;
  }

  async update(username: string, change: { displayName?: string; role?: PeopleRole; disabled?: boolean; password?: string }): Promise<UserView | null> {
    const hash = change.password === undefined ? undefined : await hashPassword(change.password);
    const row = this.q.user.get(username);
    if (!row) return null;
    const next: UserRow = {
      ...row,
      display_name: change.displayName ?? row.display_name,
      role: change.role ?? row.role,
      password_hash: hash ?? row.password_hash,
      disabled_at: change.disabled === undefined ? row.disabled_at : change.disabled ? (row.disabled_at ?? this.now()) : null,
    };
    this.db
      .prepare('UPDATE users SET display_name = ?, role = ?, password_hash = ?, disabled_at = ? WHERE username = ?')
      .run(next.display_name, next.role, next.password_hash, next.disabled_at, username);
    return view(next);
  }

  /** The user when the password is right and the account enabled; the same time is spent either way. */
  async verify(username: string, password: string): Promise<UserView | null> {
    const row = this.q.user.get(username);
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    if (!row || !ok || row.disabled_at !== null) return null;
    this.q.signedIn.run(this.now(), username);
    return view(row);
  }

  /** Opens a session; the token goes only into an httpOnly cookie. */
  openSession(kind: WebSession['kind'], subject: string): string {
    const token = newSecret();
    this.q.purge.run(this.now());
    this.q.newSession.run(sha256(token), kind, subject, this.now(), this.now() + SESSION_TTL_MS[kind]);
    return token;
  }

  session(token: string): WebSession | null {
    const row = this.q.session.get(sha256(token), this.now());
    return row ? { kind: row.kind, subject: row.subject, expiresAt: row.expires_at } : null;
  }

  endSession(token: string): void {
    this.q.endSession.run(sha256(token));
  }

  endSessionsOf(kind: WebSession['kind'], subject: string): number {
    return this.q.endSessionsOf.run(kind, subject).changes;
  }
}
