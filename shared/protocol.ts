import { z } from './zod.js';
import { Cell, Checkpoint, Clock, DayTotals, Incident, Task, Team } from './entities.js';
import type { CommandName, Commands } from './commands.js';
import type { PackedSnapshot, WireDelta } from './catalog.js';

/** The whole live picture, as the server holds it and a client mirrors it. */
export const PictureState = z.object({
  /** Seq of the last event folded in. */
  seq: z.number().int().min(0),
  clock: Clock.nullable(),
  cells: z.record(z.string(), Cell),
  checkpoints: z.record(z.string(), Checkpoint),
  teams: z.record(z.string(), Team),
  tasks: z.record(z.string(), Task),
  incidents: z.record(z.string(), Incident),
  /** City totals by scenario date (YYYY-MM-DD), for the case curve. */
  days: z.record(z.string(), DayTotals),
});
export type PictureState = z.infer<typeof PictureState>;

/** Sent on connect (and when a reconnecting client missed too much): the whole picture at `seq`. */
export interface Snapshot {
  /** Names the server's event log; a seq means something only within one log. */
  logId: string;
  seq: number;
  /** Server time the snapshot was taken, so a client can tell how fresh it is. */
  serverTime: number;
  state: PictureState;
}

/**
 * Everything that changed in `(fromSeq, toSeq]`, each entity once, in its latest state.
 * One delta per broadcast tick per client, however many events the tick held.
 */
export interface Delta {
  fromSeq: number;
  toSeq: number;
  serverTime: number;
  clock?: Clock;
  cells?: Cell[];
  checkpoints?: Checkpoint[];
  teams?: Team[];
  tasks?: Task[];
  incidents?: Incident[];
  days?: DayTotals[];
}

export const ErrorCode = z.enum(['invalid', 'unknown_entity', 'unknown_event', 'unavailable', 'unauthenticated', 'forbidden', 'rate_limited', 'internal']);
/** The HTTP status each error code is answered with. */
export const HTTP_STATUS: Record<ErrorCode, number> = { invalid: 400, unauthenticated: 401, forbidden: 403, unknown_entity: 404, unknown_event: 404, rate_limited: 429, unavailable: 503, internal: 500 };
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A field-level problem in a rejected payload. */
export interface Issue {
  path: string;
  message: string;
}

/** The answer to every command. `duplicate` means the report was already applied (at `seq`). */
export type Ack =
  | { ok: true; seq: number; duplicate: boolean }
  | { ok: false; error: { code: ErrorCode; message: string; issues?: Issue[] } };

/** Sent by a client in the Socket.IO handshake `auth`; the server parses it with this schema. */
export const HandshakeAuth = z.object({
  /** `field`: a signed-in team's phone (session cookie); gets `field:state`, not the whole picture. @default 'wall' */
  role: z.enum(['wall', 'field']).optional(),
  /** A wall, device or service token (programs and devices without cookies); browsers use their session cookie. */
  token: z.string().min(20).max(300).optional(),
  /** A label for the sending device or program (diagnostics only; the actor comes from the credential). */
  device: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).optional(),
  /** Last seq the client applied; the server sends only what came after. */
  lastSeq: z.number().int().min(0).optional(),
  /** The `logId` of the snapshot that seq belongs to; another log's seq gets a fresh snapshot. */
  logId: z.string().max(64).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export type AckFn = (ack: Ack) => void;

/**
 * A live client's receipt: the last seq it has applied. Sent about once a second while it reads
 * (no callback needed). The server stops sending deltas to a screen whose receipts fall more than a
 * few seconds behind what it was sent, and resyncs it (catch-up or snapshot) once it has read the
 * backlog; a client that never sends receipts is never dropped.
 */
export const LiveAck = z.object({ seq: z.number().int().min(0) }).strict();
export type LiveAck = z.infer<typeof LiveAck>;
/** The event a live client sends its receipts with. */
export const LIVE_ACK = 'live:ack';

export type ClientToServerEvents = {
  [N in CommandName]: (payload: z.input<(typeof Commands)[N]>, ack: AckFn) => void;
} & {
  'live:ack': (receipt: LiveAck, ack?: AckFn) => void;
};

/** A checkpoint near a field team, for its tally form. */
export interface NearbyCheckpoint {
  id: string;
  name: string;
  status: Checkpoint['status'];
  /** From the team's last fix; null when the team has no fix yet (then: its district's checkpoints). */
  distanceM: number | null;
}

/** What a field team's phone sees: its own team, the tasks assigned to it, and checkpoints near it. */
export interface FieldState {
  seq: number;
  serverTime: number;
  team: Team;
  tasks: Task[];
  checkpoints: NearbyCheckpoint[];
}

export interface ServerToClientEvents {
  /** Packed (gzip, base64: `openSnapshot`); cells carry their live part, the catalog named in it completes them (shared/catalog.ts). */
  'state:snapshot': (snapshot: PackedSnapshot) => void;
  'state:delta': (delta: WireDelta) => void;
  /** To a signed-in field team only, on connect and whenever its team or tasks change. */
  'field:state': (state: FieldState) => void;
}

/** Answer of `GET /api/health`. */
export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  uptimeS: number;
  store: { kind: string; path: string | null };
  seq: number;
  clients: number;
  counts: Record<'cells' | 'checkpoints' | 'teams' | 'tasks' | 'incidents' | 'events', number>;
}

export function emptyState(): PictureState {
  return { seq: 0, clock: null, cells: {}, checkpoints: {}, teams: {}, tasks: {}, incidents: {}, days: {} };
}
