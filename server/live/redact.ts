import type { Cell, Incident, Task } from '../../shared/entities.js';
import type { PictureState } from '../../shared/protocol.js';
import type { WireDelta } from '../../shared/catalog.js';

/**
 * What a wall display does not get: a wall is read from across a room, often by visitors, so the
 * picture it receives is the aggregate one — no grid worker's name or phone, no free text from the
 * field (incident notes, disinfection records). Positions, states, counts and names of places stay.
 *
 * Each redacted entity is memoized on the original object, which the fold replaces (never mutates)
 * when it changes, so the snapshot cache's per-entity JSON keeps working for the wall's copy too.
 */
const memo = new WeakMap<object, object>();

function once<T extends object>(entity: T, redact: (e: T) => T): T {
  let r = memo.get(entity) as T | undefined;
  if (!r) memo.set(entity, (r = redact(entity)));
  return r;
}

/** The schema requires a grid worker; the wall's copy names nobody. */
export const HIDDEN = '—';
export const redactCell = (c: Cell): Cell => (c.gridWorker.name === HIDDEN && !c.gridWorker.phone ? c : once(c, (x) => ({ ...x, gridWorker: { name: HIDDEN } })));
export const redactIncident = (i: Incident): Incident => (i.note === '' ? i : once(i, (x) => ({ ...x, note: '' })));
export const redactTask = (t: Task): Task => (t.completion ? once(t, (x) => ({ ...x, completion: x.completion ? { ...x.completion, agent: '', notes: '' } : x.completion })) : t);

function mapValues<T>(table: Record<string, T>, f: (t: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id in table) out[id] = f(table[id]!);
  return out;
}

/** The picture for a wall's snapshot; its cells' static part comes from the wall catalog (see catalog.ts). */
export function redactState(s: PictureState): PictureState {
  return { ...s, tasks: mapValues(s.tasks, redactTask), incidents: mapValues(s.incidents, redactIncident) };
}

/** Live cells carry no grid worker; tasks and incidents lose their free text. */
export function redactDelta(d: WireDelta): WireDelta {
  const out: WireDelta = { ...d };
  if (d.tasks) out.tasks = d.tasks.map(redactTask);
  if (d.incidents) out.incidents = d.incidents.map(redactIncident);
  return out;
}
