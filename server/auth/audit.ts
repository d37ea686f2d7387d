import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../shared/auth.js';

export const AUDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
  ok INTEGER NOT NULL, ip TEXT, detail TEXT);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
`;

export interface AccessRecord {
  actor: string;
  action: string;
  target?: string;
  ok?: boolean;
  ip?: string | null;
  detail?: string | null;
}

/**
 * Who signed in, failed to, issued or revoked what: access events beside the event log (which
 * already carries the actor of every change). Never holds a secret.
 */
export class AuditLog {
  private readonly insert;
  private readonly recent;

  constructor(db: Database.Database, private readonly now: () => number) {
    this.insert = db.prepare('INSERT INTO audit (at, actor, action, target, ok, ip, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.recent = db.prepare<[number, number], { at: number; actor: string; action: string; target: string; ok: number; ip: string | null; detail: string | null }>(
      'SELECT at, actor, action, target, ok, ip, detail FROM audit WHERE at < ? ORDER BY at DESC, id DESC LIMIT ?',
    );
  }

  record(r: AccessRecord): void {
    this.insert.run(this.now(), r.actor.slice(0, 200), r.action, (r.target ?? '').slice(0, 200), r.ok === false ? 0 : 1, r.ip ?? null, r.detail?.slice(0, 500) ?? null);
  }

  list(limit: number, before = Number.MAX_SAFE_INTEGER): AuditEntry[] {
    return this.recent.all(before, limit).map((r) => ({ ...r, ok: r.ok === 1, source: 'access' as const, seq: null }));
  }
}
