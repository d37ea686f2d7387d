import { z } from './zod.js';
import { EpochMs, LngLat } from './geo.js';
import {
  CellCounts,
  CheckpointStatus,
  EntityId,
  IncidentKind,
  Severity,
  TaskStatus,
  TeamStatus,
} from './entities.js';

/**
 * Client-generated id of one report. The server applies a report once and acknowledges every resend,
 * so phones can retry freely on bad networks.
 */
export const ReportId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'reportId must be 8–64 of A–Z a–z 0–9 _ -');

const base = {
  reportId: ReportId,
  /** Device time the report was made (epoch ms). */
  recordedAt: EpochMs,
};

/** A team's position fix, from the field app, a tracker protocol or the simulator. */
export const PositionReport = z.strictObject({
  ...base,
  teamId: EntityId,
  position: LngLat,
  accuracyM: z.number().min(0).max(100_000).optional(),
  speedMps: z.number().min(0).max(100).optional(),
  headingDeg: z.number().min(0).max(360).optional(),
  batteryPct: z.number().min(0).max(100).optional(),
});
export type PositionReport = z.infer<typeof PositionReport>;

export const IncidentCreate = z.strictObject({
  ...base,
  incidentId: EntityId,
  kind: IncidentKind,
  severity: Severity,
  position: LngLat,
  note: z.string().max(2000).default(''),
  teamId: EntityId.optional(),
  checkpointId: EntityId.optional(),
});
export type IncidentCreate = z.infer<typeof IncidentCreate>;

const Increment = z.number().int().min(0).max(100_000);
/** Increments to a checkpoint's tallies for today (persons/vehicles in and out, passes checked, refused). */
export const CheckpointTallyReport = z.strictObject({
  ...base,
  checkpointId: EntityId,
  inboundPersons: Increment.default(0),
  outboundPersons: Increment.default(0),
  inboundVehicles: Increment.default(0),
  outboundVehicles: Increment.default(0),
  passesChecked: Increment.default(0),
  refused: Increment.default(0),
});
export type CheckpointTallyReport = z.infer<typeof CheckpointTallyReport>;

export const CheckpointStatusSet = z.strictObject({
  ...base,
  checkpointId: EntityId,
  status: CheckpointStatus,
  staffOnDuty: z.number().int().min(0).max(10_000).optional(),
});
export type CheckpointStatusSet = z.infer<typeof CheckpointStatusSet>;

/** New absolute counts for a cell, as its grid worker or the health bulletin reports them. */
export const CellCountsReport = z
  .strictObject({ ...base, cellId: EntityId, counts: CellCounts.partial() })
  .refine((r) => Object.keys(r.counts).length > 0, { message: 'counts must name at least one field', path: ['counts'] });
export type CellCountsReport = z.infer<typeof CellCountsReport>;

/** A grid worker's household visit round (走访). */
export const CellVisitReport = z.strictObject({
  ...base,
  cellId: EntityId,
  teamId: EntityId.optional(),
  householdsVisited: z.number().int().min(0).max(100_000),
  feverFound: z.number().int().min(0).max(100_000),
  suppliesDelivered: z.number().int().min(0).max(100_000).default(0),
});
export type CellVisitReport = z.infer<typeof CellVisitReport>;

export const TeamStatusSet = z.strictObject({ ...base, teamId: EntityId, status: TeamStatus, taskId: EntityId.nullable().optional() });
export type TeamStatusSet = z.infer<typeof TeamStatusSet>;

export const TaskStatusSet = z.strictObject({
  ...base,
  taskId: EntityId,
  status: TaskStatus,
  teamId: EntityId.nullable().optional(),
});
export type TaskStatusSet = z.infer<typeof TaskStatusSet>;

/** The assigned team has seen its task (接单). */
export const TaskAcknowledge = z.strictObject({ ...base, taskId: EntityId, teamId: EntityId });
export type TaskAcknowledge = z.infer<typeof TaskAcknowledge>;

/** Disinfection done: closes the task with what was done (消杀记录). */
export const TaskComplete = z.strictObject({
  ...base,
  taskId: EntityId,
  teamId: EntityId,
  areaM2: z.number().min(0).max(10_000_000),
  agent: z.string().trim().min(1).max(120),
  notes: z.string().max(2000).default(''),
});
export type TaskComplete = z.infer<typeof TaskComplete>;

/** Daily supplies delivered to households (生活物资配送). */
export const SupplyDelivery = z.strictObject({
  ...base,
  teamId: EntityId,
  cellId: EntityId.optional(),
  position: LngLat.optional(),
  households: z.number().int().min(0).max(100_000),
  items: z.string().trim().min(1).max(500),
  note: z.string().max(2000).default(''),
});
export type SupplyDelivery = z.infer<typeof SupplyDelivery>;

/** Advances the scenario clock (sent by the simulator, later by an operator). */
export const ClockSet = z.strictObject({ ...base, scenarioTime: EpochMs, speed: z.number().min(0).max(1_000_000) });
export type ClockSet = z.infer<typeof ClockSet>;

/** Every command a client may send, by Socket.IO event name. Each is acknowledged with an `Ack`. */
export const Commands = {
  'position:report': PositionReport,
  'incident:create': IncidentCreate,
  'checkpoint:tally': CheckpointTallyReport,
  'checkpoint:setStatus': CheckpointStatusSet,
  'cell:report': CellCountsReport,
  'cell:visit': CellVisitReport,
  'team:setStatus': TeamStatusSet,
  'task:setStatus': TaskStatusSet,
  'task:acknowledge': TaskAcknowledge,
  'task:complete': TaskComplete,
  'supply:deliver': SupplyDelivery,
  'clock:set': ClockSet,
} as const;
export type CommandName = keyof typeof Commands;
export type CommandOf<N extends CommandName> = z.infer<(typeof Commands)[N]>;
export const COMMAND_NAMES = Object.keys(Commands) as CommandName[];

/** The commands a signed-in field team may send, always about itself (enforced by the server). */
export const FIELD_COMMANDS = [
  'position:report',
  'incident:create',
  'checkpoint:tally',
  'cell:visit',
  'task:acknowledge',
  'task:complete',
  'supply:deliver',
  'team:setStatus',
] as const satisfies readonly CommandName[];
export type FieldCommand = (typeof FIELD_COMMANDS)[number];
