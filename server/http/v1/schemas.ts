import { z } from 'zod';
import { Cell, Checkpoint, EntityId, Incident, Task, Team } from '../../../shared/entities.js';
import { EpochMs } from '../../../shared/geo.js';
import { LogEventMeta } from '../../../shared/events.js';
import { ErrorCode, PictureState } from '../../../shared/protocol.js';

// Answers of /api/v1, built from the shared schemas.

export const PictureStateSchema = PictureState;

export const StateAnswer = z.object({ seq: z.number().int().min(0), serverTime: EpochMs, state: PictureStateSchema });

const listOf = <T extends z.ZodType>(item: T) => z.object({ seq: z.number().int().min(0), items: z.array(item) });
const oneOf = <T extends z.ZodType>(item: T) => z.object({ seq: z.number().int().min(0), item });

export const ENTITY_ANSWERS = {
  cells: { entity: Cell, list: listOf(Cell), one: oneOf(Cell), name: 'Cell' },
  checkpoints: { entity: Checkpoint, list: listOf(Checkpoint), one: oneOf(Checkpoint), name: 'Checkpoint' },
  teams: { entity: Team, list: listOf(Team), one: oneOf(Team), name: 'Team' },
  tasks: { entity: Task, list: listOf(Task), one: oneOf(Task), name: 'Task' },
  incidents: { entity: Incident, list: listOf(Incident), one: oneOf(Incident), name: 'Incident' },
} as const;

/** One logged event. `data` is the command (or the whole entity for `*:upserted`), as stored. */
export const LoggedEvent = LogEventMeta.extend({ type: z.string(), data: z.record(z.string(), z.unknown()) });
export const FlaggedEvent = LoggedEvent.extend({
  late: z.boolean().meta({ description: 'received more than 60 s after the device made it' }),
  outOfOrder: z.boolean().meta({ description: 'made before an event about the same entity that was logged earlier' }),
});

export const EntityEventsAnswer = z.object({
  entity: z.string(),
  events: z.array(FlaggedEvent),
  /** Pass as `beforeSeq` for the next (older) page; null at the start of the log. */
  nextBeforeSeq: z.number().int().nullable(),
});

export const EventsAnswer = z.object({
  from: EpochMs,
  to: EpochMs,
  events: z.array(LoggedEvent),
  /** Pass as `afterSeq` for the next page; null when the range is exhausted. */
  nextAfterSeq: z.number().int().nullable(),
});

export const TimelineAnswer = z.object({
  lastSeq: z.number().int().min(0),
  points: z.array(z.object({ seq: z.number().int().min(1), serverTime: EpochMs, scenarioTime: EpochMs })),
});

export const ImportAnswer = z.object({
  accepted: z.number().int().min(0),
  dryRun: z.boolean(),
  /** Seqs of the `cell:upserted` events written (empty on a dry run). */
  seqs: z.array(z.number().int()),
  rejected: z.array(z.object({ index: z.number().int().min(0), id: z.string().optional(), reasons: z.array(z.string()) })),
});

const Geometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }),
  z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  z.null(),
]);
export const FeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), id: EntityId, geometry: Geometry, properties: z.record(z.string(), z.unknown()) })),
});

export const ErrorAnswer = z.object({ ok: z.literal(false), error: z.object({ code: ErrorCode, message: z.string() }) });
