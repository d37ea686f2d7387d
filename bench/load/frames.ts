import type { Delta } from '../../shared/protocol.js';

/** Entity index by kind: teams first, then checkpoints, then cells. */
export class EntityIndex {
  readonly teams = new Map<string, number>();
  readonly checkpoints = new Map<string, number>();
  readonly cells = new Map<string, number>();
  readonly count: number;
  constructor(teams: string[], checkpoints: string[], cells: string[]) {
    let i = 0;
    for (const id of teams) this.teams.set(id, i++);
    for (const id of checkpoints) this.checkpoints.set(id, i++);
    for (const id of cells) this.cells.set(id, i++);
    this.count = i;
  }
}

/** The deliveries one message carries: entity indexes and the version each is delivered at. */
export interface Deliveries {
  fromSeq: number;
  toSeq: number;
  entities: Int32Array;
  versions: Float64Array;
}

export type Frame =
  | { kind: 'delta'; fromSeq: number; toSeq: number }
  | { kind: 'snapshot'; seq: number }
  | { kind: 'update'; entity: number; version: number }
  | { kind: 'other' };

const DELTA = /^42\["state:delta",\{"fromSeq":(\d+),"toSeq":(\d+)/;
const SNAPSHOT = /^42\["(?:state:snapshot|naive:state)",\{(?:"logId":"[^"]*",)?"seq":(\d+)/;
const UPDATE = /^42\["naive:update","(teams|cells|checkpoints)",\{"id":"([^"]+)"/;
const VERSION_FIELD = { teams: '"reportedAt":', cells: '"lastVisitAt":', checkpoints: '"staffOnDuty":' } as const;

/** Reads what a frame is from its first bytes only; the body stays unparsed. */
export function readFrame(frame: Buffer, index: EntityIndex): Frame {
  const head = frame.toString('latin1', 0, Math.min(frame.length, 160));
  let m = DELTA.exec(head);
  if (m) return { kind: 'delta', fromSeq: Number(m[1]), toSeq: Number(m[2]) };
  m = SNAPSHOT.exec(head);
  if (m) return { kind: 'snapshot', seq: Number(m[1]) };
  m = UPDATE.exec(head);
  if (m) {
    const kind = m[1] as keyof typeof VERSION_FIELD;
    const entity = index[kind].get(m[2]!);
    if (entity === undefined) return { kind: 'other' };
    return { kind: 'update', entity, version: versionAt(frame, VERSION_FIELD[kind]) };
  }
  return { kind: 'other' };
}

function versionAt(frame: Buffer, field: string): number {
  const at = frame.indexOf(field);
  if (at < 0) return 0;
  let v = 0;
  for (let i = at + field.length; i < frame.length; i++) {
    const c = frame[i]!;
    if (c < 0x30 || c > 0x39) break;
    v = v * 10 + (c - 0x30);
  }
  return v;
}

/** The versions a delta delivers (teams: reportedAt, cells: lastVisitAt, checkpoints: staffOnDuty). */
export function deliveriesOf(delta: Delta, index: EntityIndex): Deliveries {
  const entities: number[] = [];
  const versions: number[] = [];
  const add = (e: number | undefined, version: number | null) => {
    if (e === undefined || version === null) return;
    entities.push(e);
    versions.push(version);
  };
  for (const t of delta.teams ?? []) add(index.teams.get(t.id), t.reportedAt);
  for (const c of delta.checkpoints ?? []) add(index.checkpoints.get(c.id), c.staffOnDuty);
  for (const c of delta.cells ?? []) add(index.cells.get(c.id), c.lastVisitAt);
  return { fromSeq: delta.fromSeq, toSeq: delta.toSeq, entities: Int32Array.from(entities), versions: Float64Array.from(versions) };
}

/**
 * Parses each distinct delta once: every wall of our design gets the very same broadcast frame, so
 * the first wall to receive a tick's delta pays for JSON.parse and the other 499 reuse its result.
 */
export class DeltaCache {
  private readonly cache = new Map<string, Deliveries>();
  parsed = 0;
  constructor(private readonly index: EntityIndex) {}

  get(frame: Buffer, fromSeq: number, toSeq: number): Deliveries {
    const key = `${fromSeq}:${toSeq}`;
    let d = this.cache.get(key);
    if (d) return d;
    const [, delta] = JSON.parse(frame.toString('utf8', 2)) as [string, Delta];
    d = deliveriesOf(delta, this.index);
    this.parsed++;
    this.cache.set(key, d);
    if (this.cache.size > 4000) this.cache.delete(this.cache.keys().next().value!);
    return d;
  }
}
