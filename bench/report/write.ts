import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kneePlot } from './plot.js';
import type { ScenarioSummary } from './summary.js';
import { targetRows, type TargetRow } from './targets.js';

export interface Report {
  quick: boolean;
  reps: number;
  command: string;
  summaries: ScenarioSummary[];
}

export function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined) return '–';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return String(Number(v.toPrecision(digits)));
}

function machine() {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    // not a checkout
  }
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '?', memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, kernel: os.release(), commit };
}

function targetTable(rows: TargetRow[]): string {
  const lines = ['| target | measure | ours | baseline | ours/baseline | goal | met |', '|---|---|---:|---:|---:|---|---|'];
  for (const r of rows) {
    const met = r.met === null ? '–' : r.met ? 'yes' : '**no**';
    lines.push(`| ${r.target} | ${r.measure} | ${fmt(r.ours)} | ${fmt(r.baseline)} | ${fmt(r.ratio)} | ${r.goal} | ${met} |`);
  }
  return lines.join('\n');
}

function scenarioTable(s: ScenarioSummary): string {
  const keys = [...new Set([...Object.keys(s.medians.ours ?? {}), ...Object.keys(s.medians.naive ?? {})])];
  const lines = [
    `### ${s.name} (${(s.durationMs / 1000).toFixed(0)} s; valid runs: ours ${s.validRuns.ours ?? 0}, baseline ${s.validRuns.naive ?? 0})`,
    '',
    '| metric | ours (median) | baseline (median) | ours/baseline |',
    '|---|---:|---:|---:|',
    ...keys.map((k) => `| ${k} | ${fmt(s.medians.ours?.[k])} | ${fmt(s.medians.naive?.[k])} | ${fmt(s.ratios[k])} |`),
    '',
    '| run | valid | load avg before → after | note |',
    '|---|---|---|---|',
    ...s.runs.map((r) => `| ${r.design} #${r.rep} | ${r.valid ? 'yes' : 'no'} | ${r.loadAvgBefore[0]} → ${r.loadAvgAfter[0]} | ${r.reason ?? ''}${r.errors.length ? ` errors: ${r.errors.slice(0, 2).join('; ')}` : ''} |`),
    '',
  ];
  return lines.join('\n');
}

/** Writes result.json, results.md and (with a fan-out run) knee.svg; returns the paths. */
export function writeReport(dir: string, report: Report): string[] {
  const rows = targetRows(report.summaries);
  const m = machine();
  const json = path.join(dir, 'result.json');
  fs.writeFileSync(json, JSON.stringify({ ...report, machine: m, finishedAt: new Date().toISOString(), targets: rows }, null, 2));
  const md = [
    `## Bench results ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${report.quick ? ' (quick mode)' : ''}`,
    '',
    `\`${report.command}\` — ${m.cpus} × ${m.model}, ${m.memGb} GB, Node ${m.node}, Linux ${m.kernel}, commit ${m.commit}; ` +
      `${report.reps} repetition(s), ours and the baseline alternating; medians of valid runs; ` +
      `${process.env.BENCH_NO_PIN ? 'children NOT pinned (--no-pin)' : 'server pinned to core 0, generator to core 1'}.`,
    '',
    targetTable(rows),
    '',
    ...report.summaries.map(scenarioTable),
  ].join('\n');
  const mdFile = path.join(dir, 'results.md');
  fs.writeFileSync(mdFile, `${md}\n`);
  const files = [json, mdFile];
  const fanout = report.summaries.find((s) => s.name === 'fanout');
  if (fanout) {
    const svg = path.join(dir, 'knee.svg');
    fs.writeFileSync(svg, kneePlot(fanout));
    files.push(svg);
  }
  return files;
}
