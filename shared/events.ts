import { z } from './zod.js';
import { EpochMs } from './geo.js';
import { Cell, Checkpoint, Task, Team } from './entities.js';
import { CommandName, Commands, ReportId } from './commands.js';

/** Who caused an event: `kind:id`, e.g. `team:T-001`, `sim:scenario`, `system:seed`. */
export const Actor = z.string().regex(/^[a-z]+:[A-Za-z0-9_.:-]{1,64}$/);

/** Seeding / import events carry whole entities. */
export const Upserts = {
  'cell:upserted': Cell,
  'checkpoint:upserted': Checkpoint,
  'team:upserted': Team,
  'task:upserted': Task,
} as const;
export type UpsertType = keyof typeof Upserts;

/** Every accepted command becomes one event of the same name; seeding adds `*:upserted`. */
export type EventType = CommandName | UpsertType;

/** One entry of the durable event log — the audit trail and the time-travel source. */
export interface LogEvent<T extends EventType = EventType> {
  /** Position in the log, 1-based, gapless. */
  seq: number;
  type: T;
  actor: string;
  /** Client-generated report id (commands only); unique in the log. */
  reportId: string | null;
  /** Device time the report was made, if any. */
  deviceTime: number | null;
  /** Server time the event was accepted. */
  serverTime: number;
  data: T extends CommandName ? z.infer<(typeof Commands)[T]> : T extends UpsertType ? z.infer<(typeof Upserts)[T]> : never;
}

/** A log event before the store gives it a `seq`. */
export type NewEvent = Omit<LogEvent, 'seq'>;

export const LogEventMeta = z.object({
  seq: z.number().int().min(1),
  actor: Actor,
  reportId: ReportId.nullable(),
  deviceTime: EpochMs.nullable(),
  serverTime: EpochMs,
});

export function isUpsertType(type: string): type is UpsertType {
  return Object.hasOwn(Upserts, type);
}
