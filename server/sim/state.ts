import type { CellCounts, CheckpointStatus, TeamStatus } from '../../shared/entities.js';
import type { CaseModel } from '../scenario/cases.js';
import type { Rng } from '../scenario/prng.js';
import type { RoadGraph } from '../scenario/roadGraph.js';
import type { SimCommand, Stamper } from './commands.js';
import type { Mover } from './movement.js';
import type { World } from './world.js';

/** What does not change while the simulator runs. */
export interface SimContext {
  graph: RoadGraph;
  /** Connected component per road node. */
  comp: Int32Array;
  /** District code per road node. */
  nodeDistrict: string[];
  cases: CaseModel;
  seed: number;
  /** Scenario seconds per real second. */
  speed: number;
  /** Scenario time where the curve data ends; the clock holds there. */
  endTime: number;
}

/** A disinfection task the simulator is carrying out with one team. */
export interface Job {
  taskId: string;
  teamId: string;
  phase: 'assigned' | 'en_route' | 'working';
  /** Real time the phase started or (working) ends. */
  sinceMs: number;
  untilMs: number;
}

/** The simulator's private state; planners mutate it and return the commands to send. */
export interface SimState {
  ctx: SimContext;
  world: World;
  rng: Rng;
  stamp: Stamper;
  /** Unique ids for new incidents (they must never repeat, even across restarts). */
  newId: () => string;
  scenarioTime: number;
  lastRealMs: number;
  /** Scenario date of the last planned day change; null before the first tick. */
  date: string | null;
  held: boolean;
  lastClockRealMs: number;
  lastTallyScenario: number;
  movers: Map<string, Mover>;
  /** Team status as the simulator last set it. */
  status: Map<string, TeamStatus>;
  battery: Map<string, number>;
  /** Real time until which a team stays put (deliveries, breaks). */
  busyUntil: Map<string, number>;
  /** Device time of the last fix the simulator sent per team. */
  lastFix: Map<string, number>;
  /** Teams a real phone or tracker took over: the simulator no longer moves them. */
  external: Set<string>;
  /** Counts last sent (or seen) per cell, to send only what changed. */
  sentCounts: Map<string, CellCounts>;
  districtActive: Map<string, number>;
  /** Checkpoint status as last set by the simulator; deltas may lag behind it. */
  cpStatus: Map<string, CheckpointStatus>;
  jobs: Map<string, Job>;
  tick: number;
}

/** A command with an optional latest-wins key for the outbox. */
export interface Planned {
  command: SimCommand;
  key?: string;
}
