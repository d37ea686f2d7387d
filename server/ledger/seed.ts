import type { NewEvent, UpsertType } from '../../shared/events.js';
import type { Cell, Checkpoint, Task, Team } from '../../shared/entities.js';
import type { Ledger } from './ledger.js';

export interface SeedEntities {
  cells: Cell[];
  checkpoints: Checkpoint[];
  teams: Team[];
  tasks: Task[];
}

/**
 * Writes master data (the grid, checkpoints, teams, tasks) into an empty log as `*:upserted`
 * events by `system:seed`, then snapshots so the next start does not replay them.
 */
export async function seedLedger(ledger: Ledger, seed: SeedEntities, now: number): Promise<number> {
  const events: NewEvent[] = [];
  const add = (type: UpsertType, list: { id: string }[]) => {
    for (const data of list) events.push({ type, actor: 'system:seed', reportId: null, deviceTime: null, serverTime: now, data } as NewEvent);
  };
  add('cell:upserted', seed.cells);
  add('checkpoint:upserted', seed.checkpoints);
  add('team:upserted', seed.teams);
  add('task:upserted', seed.tasks);
  for (let i = 0; i < events.length; i += 2000) await ledger.appendSystem(events.slice(i, i + 2000));
  await ledger.snapshotNow();
  return events.length;
}
