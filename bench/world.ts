import fs from 'node:fs';
import path from 'node:path';
import type { Cell, Checkpoint, Task, Team } from '../shared/entities.js';
import { buildScenario } from '../server/scenario/buildScenario.js';
import { CACHE_DIR, REPO } from './paths.js';

/** The entities a bench server is seeded with. */
export interface World {
  cells: Cell[];
  checkpoints: Checkpoint[];
  teams: Team[];
  tasks: Task[];
}

export interface WorldSize {
  cells: number;
  checkpoints: number;
  teams: number;
}

/** Workload W of the issue: 5,000 cells, 200 checkpoints, 500 teams. */
export const W_SIZE: WorldSize = { cells: 5000, checkpoints: 200, teams: 500 };

/**
 * The demo world (real grid polygons, names and codes, so snapshot bytes are honest) cut or
 * stretched to `size`: extra checkpoints and teams are copies with new ids. Cached on disk because
 * building the scenario takes seconds. Checkpoints start with `staffOnDuty: 0` because the bench
 * uses that field as a per-checkpoint version counter (a status change carries no device time).
 */
export function loadWorld(size: WorldSize = W_SIZE): { world: World; file: string } {
  const file = path.join(CACHE_DIR, `world-${size.cells}-${size.checkpoints}-${size.teams}.json`);
  if (fs.existsSync(file)) return { world: JSON.parse(fs.readFileSync(file, 'utf8')) as World, file };
  const now = Date.now();
  const s = buildScenario({ dataDir: path.join(REPO, 'data'), seed: 2020, now });
  if (s.cells.length < size.cells) throw new Error(`the demo grid has only ${s.cells.length} cells`);
  const stretch = <T extends { id: string }>(list: T[], n: number, rename: (e: T, k: number) => T): T[] =>
    Array.from({ length: n }, (_, k) => (k < list.length ? list[k]! : rename(list[k % list.length]!, k)));
  const world: World = {
    cells: s.cells.slice(0, size.cells),
    checkpoints: stretch(s.checkpoints, size.checkpoints, (c, k) => ({ ...c, id: `CP-B${k}` })).map((c) => ({ ...c, staffOnDuty: 0 })),
    teams: stretch(s.teams, size.teams, (t, k) => ({ ...t, id: `T-B${k}`, name: `${t.name}${k}` })),
    tasks: s.tasks,
  };
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(world));
  return { world, file };
}
