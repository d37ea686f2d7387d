import type { EntityKind } from '../../shared/entities.js';

/** Which parts of the picture changed: entity ids by kind, the clock, and days of the case curve. */
export interface ChangeSet {
  ids: Record<EntityKind, Set<string>>;
  clock: boolean;
  days: Set<string>;
}

export function createChangeSet(): ChangeSet {
  return {
    ids: { cells: new Set(), checkpoints: new Set(), teams: new Set(), tasks: new Set(), incidents: new Set() },
    clock: false,
    days: new Set(),
  };
}

export function isEmpty(c: ChangeSet): boolean {
  return !c.clock && c.days.size === 0 && Object.values(c.ids).every((s) => s.size === 0);
}

/** Adds everything in `from` to `into` (mutates `into`). */
export function mergeChanges(into: ChangeSet, from: ChangeSet): ChangeSet {
  for (const kind of Object.keys(from.ids) as EntityKind[]) for (const id of from.ids[kind]) into.ids[kind].add(id);
  into.clock ||= from.clock;
  for (const d of from.days) into.days.add(d);
  return into;
}

export function changeCount(c: ChangeSet): number {
  return Object.values(c.ids).reduce((n, s) => n + s.size, 0) + c.days.size + (c.clock ? 1 : 0);
}
