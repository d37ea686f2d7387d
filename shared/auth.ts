import { z } from './zod.js';
import { EntityId } from './entities.js';

/**
 * Accounts and roles: the one policy every socket event and HTTP route is checked against, shared
 * so the client can show only what a role may do (the server still decides).
 */
export const ROLES = ['admin', 'commander', 'analyst', 'wall', 'field', 'tracker'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Roles a person signing in with a password can hold. */
export const PEOPLE_ROLES = ['admin', 'commander', 'analyst'] as const;
export const PeopleRole = z.enum(PEOPLE_ROLES);
export type PeopleRole = z.infer<typeof PeopleRole>;

export const PERMISSIONS = [
  /** Liveness for monitors; anyone. */
  'health:read',
  /** The live picture: snapshot + deltas, /api/snapshot. */
  'live:read',
  /** Event log, entity details and history, time travel, export (/api/v1). */
  'history:read',
  /** Any command: checkpoint states, tasks, incidents, clock. */
  'command:any',
  /** The field commands, as one's own team only (the ledger checks the team). */
  'command:field',
  /** Position reports of one's own team only. */
  'command:position',
  /** Replace the grid (cell import). */
  'grid:import',
  /** One's own team's tasks and nearby checkpoints (field:state). */
  'field:self',
  /** Users, wall/device tokens, trackers, team codes. */
  'accounts:manage',
  /** Who did what and when. */
  'audit:read',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

/** The designed matrix: what each role may do. Anonymous callers may only read health. */
export const ROLE_PERMISSIONS: Readonly<Record<Role | 'anonymous', readonly Permission[]>> = {
  anonymous: ['health:read'],
  admin: ['health:read', 'live:read', 'history:read', 'command:any', 'grid:import', 'accounts:manage', 'audit:read'],
  commander: ['health:read', 'live:read', 'history:read', 'command:any'],
  analyst: ['health:read', 'live:read', 'history:read'],
  wall: ['health:read', 'live:read'],
  field: ['health:read', 'command:field', 'field:self'],
  tracker: ['health:read', 'command:position'],
};

export function can(role: Role | 'anonymous', permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Lower-case, fits the event log's actor alphabet: `user:<username>`. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, 'username: 3–32 of a–z 0–9 _ . - (starting with a letter or digit)');
/** At least 10 characters; length beats composition rules (NIST SP 800-63B). */
export const Password = z.string().min(10, 'password: at least 10 characters').max(200);
export const DisplayName = z.string().trim().min(1).max(60);

export const SignInRequest = z.strictObject({ username: Username, password: z.string().min(1).max(200) });
export const SetupRequest = z.strictObject({ setupCode: z.string().trim().min(6).max(64), username: Username, displayName: DisplayName, password: Password });
/** A field team's phone signs in with its team code. */
export const FieldSignInRequest = z.strictObject({ code: z.string().trim().min(6).max(32) });
/** A wall display exchanges its token once for a session cookie. */
export const WallSignInRequest = z.strictObject({ token: z.string().trim().min(20).max(200) });

export const PrincipalKind = z.enum(['anonymous', 'user', 'wall', 'team', 'service', 'tracker']);
export type PrincipalKind = z.infer<typeof PrincipalKind>;

/** GET /api/auth/me: who this browser is signed in as. */
export const Me = z.object({
  kind: PrincipalKind,
  role: z.union([Role, z.literal('anonymous')]),
  id: z.string(),
  displayName: z.string(),
  permissions: z.array(Permission),
  /** No account exists yet: the first admin must be created with the setup code the server printed. */
  setupRequired: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const UserView = z.object({
  username: z.string(),
  displayName: z.string(),
  role: PeopleRole,
  disabled: z.boolean(),
  createdAt: z.number(),
  lastSignInAt: z.number().nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const CreateUserRequest = z.strictObject({ username: Username, displayName: DisplayName, role: PeopleRole, password: Password });
export const UpdateUserRequest = z
  .strictObject({ displayName: DisplayName.optional(), role: PeopleRole.optional(), disabled: z.boolean().optional(), password: Password.optional() })
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');

/** wall: a command-centre screen (read-only picture); device: a phone or rugged device acting as one team; service: a program (commander or analyst). */
export const TokenKind = z.enum(['wall', 'device', 'service']);
export type TokenKind = z.infer<typeof TokenKind>;
export const TeamId = EntityId;

export const IssueTokenRequest = z
  .strictObject({ kind: TokenKind, label: z.string().trim().min(1).max(80), teamId: TeamId.optional(), role: z.enum(['commander', 'analyst']).optional() })
  .refine((t) => (t.kind === 'device') === (t.teamId !== undefined), 'teamId is required for a device token, and only for one')
  .refine((t) => t.kind === 'service' || t.role === undefined, 'role applies to service tokens only');

export const TokenView = z.object({
  id: z.string(),
  kind: TokenKind,
  role: Role,
  label: z.string(),
  teamId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
});
export type TokenView = z.infer<typeof TokenView>;
/** The secret is shown once, at issue; only its hash is kept. */
export const IssuedToken = TokenView.extend({ token: z.string() });
export type IssuedToken = z.infer<typeof IssuedToken>;

export const DeviceProtocol = z.enum(['osmand', 'owntracks', 'any']);
export const RegisterDeviceRequest = z.strictObject({
  deviceId: z.string().trim().regex(/^[A-Za-z0-9_.:/-]{1,128}$/, 'deviceId: 1–128 of A–Z a–z 0–9 _ . : / -'),
  teamId: TeamId,
  protocol: DeviceProtocol.default('any'),
  label: z.string().trim().max(80).optional(),
  secret: z.string().min(8).max(200).optional(),
});
export const DeviceView = z.object({ deviceId: z.string(), teamId: z.string(), protocol: DeviceProtocol, label: z.string(), hasSecret: z.boolean(), createdAt: z.number() });
export type DeviceView = z.infer<typeof DeviceView>;

/** One line of the audit view: an access event (sign-in, token issued…) or a change in the event log. */
export const AuditEntry = z.object({
  at: z.number(),
  source: z.enum(['access', 'change']),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  ok: z.boolean(),
  ip: z.string().nullable(),
  detail: z.string().nullable(),
  seq: z.number().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
