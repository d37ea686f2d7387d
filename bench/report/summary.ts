import type { Design } from '../ipc.js';
import type { Evaluation, Metrics } from '../scenarios/common.js';
import { median } from '../stats.js';

export interface RunSummary extends Evaluation {
  design: Design;
  rep: number;
  loadAvgBefore: number[];
  loadAvgAfter: number[];
  startedAt: number;
  errors: string[];
}

export interface ScenarioSummary {
  name: string;
  durationMs: number;
  runs: RunSummary[];
  /** Median of each metric over the valid runs of each design. */
  medians: Partial<Record<Design, Metrics>>;
  /** ours / naive for each metric both have. */
  ratios: Metrics;
  validRuns: Partial<Record<Design, number>>;
}

export function summarize(name: string, runs: RunSummary[], durationMs: number): ScenarioSummary {
  const medians: Partial<Record<Design, Metrics>> = {};
  const validRuns: Partial<Record<Design, number>> = {};
  for (const design of ['ours', 'naive'] as const) {
    const valid = runs.filter((r) => r.design === design && r.valid);
    if (!runs.some((r) => r.design === design)) continue;
    validRuns[design] = valid.length;
    const keys = new Set(valid.flatMap((r) => Object.keys(r.metrics)));
    medians[design] = Object.fromEntries([...keys].map((k) => [k, median(valid.map((r) => r.metrics[k]))]));
  }
  const ratios: Metrics = {};
  for (const [k, v] of Object.entries(medians.ours ?? {})) {
    const b = medians.naive?.[k];
    ratios[k] = v !== null && b !== null && b !== undefined && b !== 0 ? v / b : null;
  }
  return { name, durationMs, runs, medians, ratios, validRuns };
}
