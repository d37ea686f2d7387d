/** Messages between the bench orchestrator (`run.ts`) and its two children: the server and the load generator. */

export type Design = 'ours' | 'naive';

/** What the server child is started with (JSON in argv). */
export interface ServerConfig {
  design: Design;
  /** World JSON written by `loadWorld`. */
  worldFile: string;
  /** Folder for the SQLite log (deleted by the orchestrator). */
  dataDir: string;
  /** Teams (by id) that report over OsmAnd HTTP; each gets device `osm-<teamId>`. */
  httpTeams: string[];
  /** Teams (by id) that report over a socket; each gets a field session. */
  socketTeams: string[];
  /** Reuse an existing log instead of seeding (restart scenario). */
  existingLog?: boolean;
  /** Broadcast tick. @default 50 */
  tickMs?: number;
  /** The ledger's group-commit interval. @default 10 */
  commitIntervalMs?: number;
  /** V8 heap growing percent, as HEAP_GROWING_PERCENT (0 = V8's own). @default the server's (0) */
  heapGrowingPercent?: number;
}

/** Bearer tokens the bench server issued for the generator's screens and offices (ours only: the baseline asks for none). */
export interface BenchTokens {
  /** A wall display token (role wall), shared by every bench wall. */
  wall: string;
  /** A service token (role commander) for the checkpoint and cell feeds. */
  office: string;
}

/** Server child → orchestrator. */
export type ServerMessage =
  /**
   * Memory right after a full collection (live JS objects and the buffers they hold): the answer to a
   * `gc` request (labelled with its mark), or after each of V8's own mark-compacts (label `major`).
   */
  | { type: 'memory'; label: string; at: number; liveMb: number; rssMb: number }
  | { type: 'ready'; port: number; sessions: Record<string, string>; tokens: BenchTokens | null; seq: number; loadMs: number }
  /** Pushed every second: event-loop delay over the last second (ms) and memory. */
  | {
      type: 'stats';
      at: number;
      eldMaxMs: number;
      eldP99Ms: number;
      eldMeanMs: number;
      rssMb: number;
      heapMb: number;
      /** What RSS is made of: V8's heap as committed, memory outside it that JS holds (buffers), and V8's young generation as committed. */
      heapTotalMb: number;
      externalMb: number;
      newSpaceMb: number;
      /**
       * Old generation (old and large-object space) growth in a second without a mark-compact: what
       * scavenges promoted plus what was allocated there directly, all of which only a mark-compact
       * frees again. null for a second with a mark-compact in it and the next (its sweeping).
       */
      oldGrowthMb: number | null;
      clients: number;
      /** Group commits in the last second, the events they held, and the ms they took until durable (sum, longest). */
      commits: number;
      committedEvents: number;
      commitMs: number;
      commitMaxMs: number;
      /** The longest a commit took until committed, i.e. until walls could see it (its fsync comes after). */
      commitHeldMaxMs: number;
      /** The longest WAL checkpoint in the last second (on the checkpointer's thread, beside the commits); 0 for none. */
      checkpointMaxMs?: number;
    };

/** A rate plan phase the generator runs. */
export interface Phase {
  name: string;
  durationMs: number;
  /** Position reports per team per second. */
  teamHz: number;
  /** Status changes per checkpoint per second. */
  checkpointHz: number;
  /** Reports per cell per second (0.01 = 1 %/s churn). */
  cellHz: number;
  /** Latencies of reports sent in this phase count towards its statistics. @default true */
  measured?: boolean;
}

export interface LoadPlan {
  design: Design;
  url: string;
  /** Entity ids, in the index order the trackers use. */
  teams: string[];
  checkpoints: string[];
  cells: string[];
  httpTeams: string[];
  sessions: Record<string, string>;
  tokens: BenchTokens | null;
  rawWalls: number;
  realWalls: number;
  /** Walls connected per second before the phases start. */
  wallConnectRate: number;
  phases: Phase[];
  /** Join storm: these many extra walls connect at `rate` per second once the first phase has run `afterMs`. */
  joinStorm?: { walls: number; rate: number; afterMs: number };
  /** Slow consumers: this share of raw walls stops reading at `atMs` (from the first phase) for `forMs`. */
  slow?: { share: number; atMs: number; forMs: number };
  /** Closed-loop ingest: each socket team keeps `window` reports in flight; HTTP teams one each. */
  ingest?: { window: number };
  /**
   * Baseline raw walls connected before the load do not ask for the whole state: 498 × 3.4 MB
   * stringified one by one is a minute of setup per run, outside every measured window. Joiners
   * (the join storm) always get it.
   */
  naiveSkipState?: boolean;
  /** How long to wait for the last deliveries after the load stops. */
  drainMs: number;
  /** Stop stepping when a measured phase's p99 passes this (fan-out knee). */
  stopAtP99Ms?: number;
}

/** Latency summary in ms. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

export interface PhaseResult {
  name: string;
  startedAt: number;
  endedAt: number;
  /** Reports sent / acknowledged ok during the phase. */
  sent: number;
  acked: number;
  rejected: number;
  /** Update deliveries (report × wall, superseded reports included) of this phase's reports. */
  deliveries: number;
  latency: LatencySummary;
  /** Ack latency (report → durable → ack), ms. */
  ackLatency: LatencySummary;
  /** Messages and bytes received per wall per second (healthy raw walls). */
  msgsPerWallS: number;
  bytesPerWallS: number;
}

export interface LoadResult {
  phases: PhaseResult[];
  /** Every measured report × every healthy wall. */
  latency: LatencySummary;
  slowLatency?: LatencySummary;
  realWallLatency: LatencySummary;
  lost: number;
  duplicated: number;
  reordered: number;
  gaps: number;
  /** Real (socket.io-client + reducer) walls whose final picture differs from what was sent. */
  realWallMismatches: number;
  /** Updates counted as delivered by a snapshot rather than a delta. */
  bySnapshot: number;
  join?: { walls: number; timeToMapMs: LatencySummary; realTimeToMapMs: LatencySummary; snapshotBytes: number; consistent: number; failed: number };
  slow?: { walls: number; resyncedBySnapshot: number; caughtUpByDelta: number; catchUpMs: LatencySummary };
  errors: string[];
}

/** Generator → orchestrator. */
export type LoadMessage =
  | { type: 'mark'; name: string; at: number }
  | { type: 'log'; text: string }
  | { type: 'result'; result: LoadResult };
