import { z } from 'zod';
import path from 'node:path';
import { DEFAULT_HEAP_GROWING_PERCENT, MAX_HEAP_GROWING_PERCENT } from './heap.js';

const OnOff = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

/** Every setting GridCommand reads, from environment variables. See README "Configuration". */
export const ConfigEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** Where the SQLite event log lives. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Broadcast tick: deltas are coalesced over this many ms. */
  TICK_MS: z.coerce.number().int().min(5).max(5000).default(50),
  /** How far V8's old generation may grow past what survives a collection, in percent; 0 = V8's own choice (see server/heap.ts). */
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(MAX_HEAP_GROWING_PERCENT).default(DEFAULT_HEAP_GROWING_PERCENT),
  /** Log a warning when one group commit of the event log takes longer than this, ms, plus 0.1 ms per event in it (the disk is holding every wall back); 0 = never. */
  SLOW_COMMIT_MS: z.coerce.number().int().min(0).max(600_000).default(250),
  /** Write a state snapshot into the log every N events. */
  SNAPSHOT_EVERY: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
  /** Seed the Wuhan demo scenario (grid, checkpoints, teams, tasks) into an empty event log. */
  DEMO: OnOff.default(true),
  /** Run the simulator client that moves teams and replays the 2020 case curve. */
  SIMULATOR: OnOff.default(true),
  /** Scenario seconds per real second; 1440 = one scenario day per real minute. */
  SCENARIO_SPEED: z.coerce.number().min(1).max(1_000_000).default(1440),
  SCENARIO_START: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default('2020-01-20'),
  /** Deterministic demo: same seed, same grid, checkpoints and teams. */
  SCENARIO_SEED: z.coerce.number().int().default(2020),
  /** Replace the offline basemap with a MapLibre style URL … */
  BASEMAP_STYLE_URL: z.string().url().optional(),
  /** … or a raster tile URL template ({z}/{x}/{y}); vector tiles need a style (BASEMAP_STYLE_URL) … */
  BASEMAP_TILE_URL: z.string().min(1).optional(),
  /** … or a local PMTiles file, served by the app. */
  BASEMAP_PMTILES: z.string().min(1).optional(),
  /** Datum of the configured (custom) basemap: gcj02 for AMap/Tencent tiles shifts every layer to match; ignored for the offline basemap. */
  BASEMAP_CRS: z.enum(['wgs84', 'gcj02', 'cgcs2000']).default('wgs84'),
  BASEMAP_ATTRIBUTION: z.string().max(500).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Also serve the OsmAnd / Traccar Client protocol at / on this port (Traccar's default is 5055); off when unset. */
  OSMAND_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Take OwnTracks positions from this MQTT broker, e.g. mqtt://127.0.0.1:1883; off when unset. */
  MQTT_URL: z.string().url().optional(),
  /** MQTT topic filter for OwnTracks; its two + levels are the device id <user>/<device>. */
  MQTT_TOPIC: z.string().min(1).default('owntracks/+/+'),
  /** First admin, created on first start when no account exists (else a one-time setup code is printed). */
  ADMIN_USERNAME: z.string().min(3).max(32).default('admin'),
  ADMIN_PASSWORD: z.string().min(10, 'at least 10 characters').max(200).optional(),
  /** … or read the password from this file (outside the repo), e.g. a Docker/systemd secret. */
  ADMIN_PASSWORD_FILE: z.string().min(1).optional(),
  /** Mark session cookies Secure: set when GridCommand is served over HTTPS. */
  COOKIE_SECURE: OnOff.default(false),
  /** HTTP requests per client address per 10 s. */
  RATE_LIMIT_IP: z.coerce.number().int().min(1).default(1000),
  /** HTTP requests and socket commands per signed-in principal (user, wall, team, tracker) per 10 s. */
  RATE_LIMIT_ACTOR: z.coerce.number().int().min(1).default(300),
  /** Sign-in attempts per client address per minute. */
  RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).default(10),
});

export interface BasemapConfig {
  styleUrl?: string;
  tileUrl?: string;
  pmtilesPath?: string;
  crs: 'wgs84' | 'gcj02' | 'cgcs2000';
  attribution?: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  tickMs: number;
  heapGrowingPercent: number;
  slowCommitMs: number;
  snapshotEvery: number;
  demo: boolean;
  simulator: boolean;
  scenario: { speed: number; start: string; seed: number };
  basemap: BasemapConfig;
  logLevel: z.infer<typeof ConfigEnv>['LOG_LEVEL'];
  /** Folder of the shipped static data (basemap, scenario sources). */
  staticDataDir: string;
  /** Tracker ingest listeners beyond the /ingest routes. */
  ingest: { osmandPort?: number; mqttUrl?: string; mqttTopic: string };
  firstAdmin: { username: string; password?: string; passwordFile?: string };
  secureCookies: boolean;
  rateLimits: { perIp: number; perActor: number; signInPerIp: number };
}

/** Parses the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, repoRoot: string): Config {
  const parsed = ConfigEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(repoRoot, e.DATA_DIR),
    tickMs: e.TICK_MS,
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    slowCommitMs: e.SLOW_COMMIT_MS,
    snapshotEvery: e.SNAPSHOT_EVERY,
    demo: e.DEMO,
    simulator: e.SIMULATOR,
    scenario: { speed: e.SCENARIO_SPEED, start: e.SCENARIO_START, seed: e.SCENARIO_SEED },
    basemap: {
      styleUrl: e.BASEMAP_STYLE_URL,
      tileUrl: e.BASEMAP_TILE_URL,
      pmtilesPath: e.BASEMAP_PMTILES ? path.resolve(repoRoot, e.BASEMAP_PMTILES) : undefined,
      crs: e.BASEMAP_CRS,
      attribution: e.BASEMAP_ATTRIBUTION,
    },
    logLevel: e.LOG_LEVEL,
    staticDataDir: path.resolve(repoRoot, 'data'),
    ingest: { osmandPort: e.OSMAND_PORT, mqttUrl: e.MQTT_URL, mqttTopic: e.MQTT_TOPIC },
    firstAdmin: { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD, passwordFile: e.ADMIN_PASSWORD_FILE },
    secureCookies: e.COOKIE_SECURE,
    rateLimits: { perIp: e.RATE_LIMIT_IP, perActor: e.RATE_LIMIT_ACTOR, signInPerIp: e.RATE_LIMIT_SIGN_IN },
  };
}
