import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import type { Role, TokenKind, TokenView } from '../../shared/auth.js';
import { newSecret, sha256 } from './passwords.js';

export const TOKENS_SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, role TEXT NOT NULL, label TEXT NOT NULL,
  team_id TEXT, created_by TEXT NOT NULL, created_at INTEGER NOT NULL, last_used_at INTEGER, revoked_at INTEGER);
`;

interface TokenRow {
  id: string;
  token_hash: string;
  kind: TokenKind;
  role: Role;
  label: string;
  team_id: string | null;
  created_by: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface IssueToken {
  kind: TokenKind;
  label: string;
  /** Device tokens act as this team. */
  teamId?: string;
  /** Service tokens: commander or analyst. */
  role?: 'commander' | 'analyst';
  createdBy: string;
}

const view = (r: TokenRow): TokenView => ({
  id: r.id,
  kind: r.kind,
  role: r.role,
  label: r.label,
  teamId: r.team_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const roleFor = (t: IssueToken): Role => (t.kind === 'wall' ? 'wall' : t.kind === 'device' ? 'field' : (t.role ?? 'analyst'));

/**
 * Per-wall, per-device and per-program tokens. The secret is returned once and stored as SHA-256
 * (a 256-bit random secret needs no slow hash). Ephemeral tokens (the built-in simulator's) live in
 * memory only and die with the process.
 */
export class Tokens {
  private readonly q;
  private readonly ephemeral = new Map<string, TokenView>();
  private lastTouch = new Map<string, number>();

  constructor(db: Database.Database, private readonly now: () => number) {
    this.q = {
      insert: db.prepare(
        'INSERT INTO tokens (id, token_hash, kind, role, label, team_id, created_by, created_at) VALUES (@id, @token_hash, @kind, @role, @label, @team_id, @created_by, @created_at)',
      ),
      byHash: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE token_hash = ? AND revoked_at IS NULL'),
      byId: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id = ?'),
      list: db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY revoked_at IS NOT NULL, created_at DESC'),
      revoke: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      touch: db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?'),
    };
  }

  issue(t: IssueToken): { view: TokenView; token: string } {
    const token = `gct_${newSecret()}`;
    const row: TokenRow = {
      id: `${t.kind}-${crypto.randomBytes(4).toString('hex')}`,
      token_hash: sha256(token),
      kind: t.kind,
      role: roleFor(t),
      label: t.label,
      team_id: t.kind === 'device' ? (t.teamId ?? null) : null,
      created_by: t.createdBy,
      created_at: this.now(),
      last_used_at: null,
      revoked_at: null,
    };
    this.q.insert.run(row);
    return { view: view(row), token };
  }

  /** A token that is never written down: for in-process programs such as the simulator. */
  issueEphemeral(t: IssueToken & { id: string }): string {
    const token = `gce_${newSecret()}`;
    this.ephemeral.set(sha256(token), { ...view({ id: t.id, token_hash: '', kind: t.kind, role: roleFor(t), label: t.label, team_id: t.teamId ?? null, created_by: t.createdBy, created_at: this.now(), last_used_at: null, revoked_at: null }) });
    return token;
  }

  /** The active token for a secret, or null; notes its use at most once a minute. */
  resolve(token: string): TokenView | null {
    const hash = sha256(token);
    const eph = this.ephemeral.get(hash);
    if (eph) return eph;
    const row = this.q.byHash.get(hash);
    if (!row) return null;
    const t = this.now();
    if (t - (this.lastTouch.get(row.id) ?? 0) > 60_000) {
      this.lastTouch.set(row.id, t);
      this.q.touch.run(t, row.id);
    }
    return view(row);
  }

  get(id: string): TokenView | null {
    const row = this.q.byId.get(id);
    return row ? view(row) : null;
  }

  list(): TokenView[] {
    return this.q.list.all().map(view);
  }

  revoke(id: string): boolean {
    return this.q.revoke.run(this.now(), id).changes > 0;
  }
}
