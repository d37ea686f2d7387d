import type { ScenarioSummary } from './summary.js';

export interface TargetRow {
  target: string;
  measure: string;
  ours: number | null;
  baseline: number | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
}

type Check = { target: string; scenario: string; metric: string; measure: string; goal: string; ok: (ours: number, ratio: number | null) => boolean };

const lte = (limit: number) => (v: number) => v <= limit;

/** Every target of the issue, and where its figure comes from. */
const CHECKS: Check[] = [
  { target: '1 fan-out knee', scenario: 'fanout', metric: 'kneeDeliveriesPerS', measure: 'sustained update deliveries/s (p99 ≤ 100 ms)', goal: '≥ 5× baseline (stretch 10×)', ok: (_, r) => r !== null && r >= 5 },
  { target: '1 fan-out knee (relative)', scenario: 'fanout', metric: 'relativeKneeDeliveriesPerS', measure: 'deliveries/s with p99 ≤ max(100 ms, 2 × first step)', goal: '≥ 5× baseline (stretch 10×)', ok: (_, r) => r !== null && r >= 5 },
  { target: '1 CPU per delivery at W', scenario: 'w', metric: 'usPerDelivery', measure: 'server CPU µs per delivered update', goal: '≤ 1 µs', ok: lte(1) },
  { target: '2 latency at W', scenario: 'w', metric: 'p99Ms', measure: 'p99 report → wall, ms', goal: '≤ 100 ms', ok: lte(100) },
  { target: '2 latency at W', scenario: 'w', metric: 'p999Ms', measure: 'p99.9 report → wall, ms', goal: '≤ 250 ms', ok: lte(250) },
  { target: '2 CPU at W', scenario: 'w', metric: 'serverCpuPct', measure: 'server CPU, % of one core', goal: '≤ 35 %', ok: lte(35) },
  { target: '2 loss at W', scenario: 'w', metric: 'lost', measure: 'lost updates (all walls)', goal: '0', ok: (v) => v === 0 },
  { target: '2 duplicates at W', scenario: 'w', metric: 'duplicated', measure: 'duplicated updates (all walls)', goal: '0', ok: (v) => v === 0 },
  { target: '3 join storm', scenario: 'join', metric: 'timeToMapP99Ms', measure: 'connect → whole picture, p99 ms', goal: '≤ 2,000 ms', ok: lte(2000) },
  { target: '3 join storm', scenario: 'join', metric: 'snapshotBytes', measure: 'first picture, bytes', goal: '≤ ½ baseline', ok: (_, r) => r !== null && r <= 0.5 },
  { target: '3 join storm', scenario: 'join', metric: 'eldMaxMs', measure: 'longest event-loop stall, ms', goal: '≤ 50 ms', ok: lte(50) },
  { target: '3 join storm', scenario: 'join', metric: 'failedWalls', measure: 'walls without a consistent map', goal: '0', ok: (v) => v === 0 },
  { target: '4 slow consumers', scenario: 'slow', metric: 'rssGrowthMb', measure: 'server RSS growth, MB (includes the GC sawtooth)', goal: '≤ 20 MB', ok: lte(20) },
  { target: '4 slow consumers', scenario: 'slow', metric: 'liveGrowthMb', measure: 'server live memory growth after a full GC, MB', goal: '≤ 20 MB', ok: lte(20) },
  { target: '4 slow consumers', scenario: 'slow', metric: 'healthyP99ChangePct', measure: 'healthy walls p99 change, %', goal: '≤ +20 %', ok: lte(20) },
  { target: '4 slow consumers', scenario: 'slow', metric: 'resyncedBySnapshot', measure: 'stalled walls resynced by snapshot', goal: 'all (50)', ok: (v) => v >= 50 },
  { target: '4 slow consumers', scenario: 'slow', metric: 'lost', measure: 'lost updates', goal: '0', ok: (v) => v === 0 },
  { target: '5 durable ingest', scenario: 'ingest', metric: 'durableReportsPerS', measure: 'reports/s acknowledged after commit', goal: '≥ 10,000/s', ok: (v) => v >= 10_000 },
  { target: '6 restart', scenario: 'restart', metric: 'restartMs', measure: 'spawn → serving, ms (1M-event log; --quick: 100k)', goal: '≤ 3,000 ms', ok: lte(3000) },
  { target: '6 time travel', scenario: 'restart', metric: 'timeTravelMaxMs', measure: 'any past state (cold), worst, ms', goal: '≤ 1,000 ms', ok: lte(1000) },
  { target: '7 soak', scenario: 'soak', metric: 'rssSlopeMbPerMin', measure: 'RSS slope, MB/min (includes the GC sawtooth)', goal: '≤ 1 MB/min', ok: lte(1) },
  { target: '7 soak', scenario: 'soak', metric: 'rssAfterGcSlopeMbPerMin', measure: 'RSS slope read right after each of V8\'s mark-compacts, MB/min', goal: '≤ 1 MB/min', ok: lte(1) },
  { target: '7 soak', scenario: 'soak', metric: 'liveSlopeMbPerMin', measure: 'live memory slope (what survives V8\'s own mark-compacts), MB/min', goal: '≤ 1 MB/min', ok: lte(1) },
  { target: '7 soak', scenario: 'soak', metric: 'p99DriftPct', measure: 'p99 drift first → last minute, %', goal: '≤ 10 %', ok: lte(10) },
  { target: '8 client', scenario: 'client', metric: 'applyDelta5kMs', measure: 'applyDelta of 5,000 entities, main thread ms (median)', goal: '≤ 4 ms', ok: lte(4) },
  { target: '8 client', scenario: 'client', metric: 'teamsViaSetData', measure: 'team updates through GeoJSON setData', goal: '0', ok: (v) => v === 0 },
];

export function targetRows(summaries: ScenarioSummary[]): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const c of CHECKS) {
    const s = summaries.find((x) => x.name === c.scenario);
    if (!s) continue;
    const ours = s.medians.ours?.[c.metric] ?? null;
    const baseline = s.medians.naive?.[c.metric] ?? null;
    const ratio = s.ratios[c.metric] ?? null;
    rows.push({ target: c.target, measure: c.measure, ours, baseline, ratio, goal: c.goal, met: ours === null ? null : c.ok(ours, ratio) });
  }
  return rows;
}
