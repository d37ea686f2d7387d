import type { Cell, Checkpoint, Clock, Task, Team } from '../../shared/entities.js';
import type { Delta, Snapshot } from '../../shared/protocol.js';

/** The simulator's view of the picture: the entities it drives, as the server last told it. */
export interface World {
  clock: Clock | null;
  cells: Map<string, Cell>;
  checkpoints: Map<string, Checkpoint>;
  teams: Map<string, Team>;
  tasks: Map<string, Task>;
}

export function worldFromSnapshot(s: Snapshot): World {
  return {
    clock: s.state.clock,
    cells: new Map(Object.entries(s.state.cells)),
    checkpoints: new Map(Object.entries(s.state.checkpoints)),
    teams: new Map(Object.entries(s.state.teams)),
    tasks: new Map(Object.entries(s.state.tasks)),
  };
}

/** Folds a delta in place: each entity in a delta is its whole latest state. */
export function applyDelta(world: World, d: Delta): void {
  if (d.clock) world.clock = d.clock;
  for (const c of d.cells ?? []) world.cells.set(c.id, c);
  for (const c of d.checkpoints ?? []) world.checkpoints.set(c.id, c);
  for (const t of d.teams ?? []) world.teams.set(t.id, t);
  for (const t of d.tasks ?? []) world.tasks.set(t.id, t);
}
