import { z } from './zod.js';
import { EpochMs, LngLat, Ring } from './geo.js';

/**
 * Names a plain object already answers to (`constructor`, `__proto__`, `toString`…): as ids they
 * would find Object.prototype in an id-keyed table, so they are never ids (found by the fuzz test).
 */
export const isReservedId = (id: string): boolean => id in Object.prototype;

/** Entity ids: short, printable, no whitespace (they appear in URLs, logs and CSV), never a reserved name. */
export const EntityId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'id must be 1–64 of A–Z a–z 0–9 _ . : -')
  .refine((id) => !isReservedId(id), 'id must not be a reserved name such as constructor or __proto__');
export const Name = z.string().trim().min(1).max(120);
const Count = z.number().int().min(0).max(10_000_000);
/** Six-to-twelve digit GB/T 2260 / NBS administrative code. */
export const AdminCode = z.string().regex(/^\d{6,12}$/, 'admin code must be 6–12 digits');

export const RiskLevel = z.enum(['low', 'medium', 'high']);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** Case and quarantine counts of one grid cell. `active` = confirmed − cured − deaths. */
export const CellCounts = z.object({
  confirmed: Count,
  active: Count,
  cured: Count,
  deaths: Count,
  suspected: Count,
  closeContacts: Count,
  homeQuarantine: Count,
  feverToday: Count,
});
export type CellCounts = z.infer<typeof CellCounts>;

export const GridWorker = z.object({ name: Name, phone: z.string().regex(/^[0-9+\- ]{3,20}$/).optional() });

/** 网格 — the smallest unit of responsibility, a few hundred households. */
export const Cell = z.object({
  id: EntityId,
  polygon: Ring,
  districtCode: AdminCode,
  districtName: Name,
  streetCode: AdminCode,
  streetName: Name,
  communityCode: AdminCode,
  communityName: Name,
  population: Count,
  households: Count,
  gridWorker: GridWorker,
  counts: CellCounts,
  risk: RiskLevel,
  lastVisitAt: EpochMs.nullable(),
  updatedAt: EpochMs,
});
export type Cell = z.infer<typeof Cell>;

export const CheckpointKind = z.enum(['bridge', 'highway_exit', 'ring_road', 'district_border', 'compound_gate', 'hospital']);
export const CheckpointStatus = z.enum(['open', 'restricted', 'closed', 'lifted']);
export type CheckpointStatus = z.infer<typeof CheckpointStatus>;

/** Today's tallies at a checkpoint; reset when the scenario day changes. */
export const CheckpointTally = z.object({
  inboundPersons: Count,
  outboundPersons: Count,
  inboundVehicles: Count,
  outboundVehicles: Count,
  passesChecked: Count,
  refused: Count,
  incidents: Count,
});
export type CheckpointTally = z.infer<typeof CheckpointTally>;

/** 卡口 — a staffed control point on a road, bridge, highway exit or compound gate. */
export const Checkpoint = z.object({
  id: EntityId,
  name: Name,
  position: LngLat,
  kind: CheckpointKind,
  districtCode: AdminCode,
  status: CheckpointStatus,
  staffOnDuty: Count,
  today: CheckpointTally,
  updatedAt: EpochMs,
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const TeamKind = z.enum(['disinfection', 'patrol', 'volunteer', 'medical']);
export type TeamKind = z.infer<typeof TeamKind>;
export const TeamStatus = z.enum(['on_duty', 'en_route', 'working', 'resting', 'off_duty']);
export type TeamStatus = z.infer<typeof TeamStatus>;

/** 消杀队 / 巡逻队 / 志愿者 / 医疗队 with its last known fix. */
export const Team = z.object({
  id: EntityId,
  name: Name,
  kind: TeamKind,
  members: z.number().int().min(1).max(500),
  districtCode: AdminCode,
  position: LngLat.nullable(),
  headingDeg: z.number().min(0).max(360).nullable(),
  speedMps: z.number().min(0).max(100).nullable(),
  accuracyM: z.number().min(0).max(100_000).nullable(),
  batteryPct: z.number().min(0).max(100).nullable(),
  status: TeamStatus,
  taskId: EntityId.nullable(),
  /** Supply deliveries (团购/生活物资配送) reported today. */
  deliveriesToday: Count.optional(),
  /** Device time of the last accepted fix. */
  reportedAt: EpochMs.nullable(),
  /** Server time the last fix was received. */
  receivedAt: EpochMs.nullable(),
  updatedAt: EpochMs,
});
export type Team = z.infer<typeof Team>;

export const SiteKind = z.enum(['hospital', 'landfill', 'transfer_station', 'public_place', 'residential', 'market']);
export const TaskStatus = z.enum(['pending', 'assigned', 'in_progress', 'done', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** A disinfection task (消杀任务) at a site. */
export const Task = z.object({
  id: EntityId,
  siteName: Name,
  siteKind: SiteKind,
  position: LngLat,
  districtCode: AdminCode,
  areaM2: z.number().min(0).max(10_000_000),
  teamId: EntityId.nullable(),
  status: TaskStatus,
  dueAt: EpochMs.nullable(),
  /** When the assigned team acknowledged the assignment on its phone. */
  acknowledgedAt: EpochMs.nullable().optional(),
  completedAt: EpochMs.nullable(),
  /** What the team reported when it finished (消杀记录). */
  completion: z
    .object({ areaM2: z.number().min(0).max(10_000_000), agent: z.string().max(120), notes: z.string().max(2000) })
    .nullable()
    .optional(),
  updatedAt: EpochMs,
});
export type Task = z.infer<typeof Task>;

export const IncidentKind = z.enum(['forced_passage', 'fever', 'supply_shortage', 'crowding', 'other']);
export type IncidentKind = z.infer<typeof IncidentKind>;
export const Severity = z.enum(['low', 'medium', 'high']);
export const IncidentStatus = z.enum(['open', 'acknowledged', 'resolved']);

/** An incident reported from the field (冲岗, 发热, 物资短缺 …). */
export const Incident = z.object({
  id: EntityId,
  kind: IncidentKind,
  severity: Severity,
  position: LngLat,
  note: z.string().max(2000),
  teamId: EntityId.nullable(),
  checkpointId: EntityId.nullable(),
  status: IncidentStatus,
  reportedAt: EpochMs,
  receivedAt: EpochMs,
  updatedAt: EpochMs,
});
export type Incident = z.infer<typeof Incident>;

/** City totals at the end of (or so far in) one scenario day, for the case curve. */
export const DayTotals = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  confirmed: Count,
  active: Count,
  cured: Count,
  deaths: Count,
});
export type DayTotals = z.infer<typeof DayTotals>;

/** The scenario clock: what moment the picture shows. */
export const Clock = z.object({ scenarioTime: EpochMs, speed: z.number().min(0).max(1_000_000) });
export type Clock = z.infer<typeof Clock>;

export const ENTITY_KINDS = ['cells', 'checkpoints', 'teams', 'tasks', 'incidents'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
