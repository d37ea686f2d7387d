import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Commands } from '../../shared/commands.js';
import type { Clock } from '../../shared/entities.js';
import { emptyState, type Snapshot } from '../../shared/protocol.js';
import { shanghaiMidnight } from '../../shared/time.js';
import { buildScenario } from '../scenario/buildScenario.js';
import { curveAt } from '../scenario/curve.js';
import type { SimCommand } from './commands.js';
import { createSimContext } from './context.js';
import { createSimState, planTick } from './plan.js';
import { worldFromSnapshot } from './world.js';
import { yieldTeamsTakenOver } from './teamsPlan.js';

const dataDir = path.resolve(import.meta.dirname, '../../data');
const T0 = Date.UTC(2024, 0, 1);
// Built once (~3 s): the scenario and the context are read-only; each test makes its own SimState.
const scenario = buildScenario({ dataDir, seed: 2020, now: T0 });
const ctx = createSimContext({ dataDir, seed: 2020, speed: 1440, cells: scenario.cells });

function createSim(opts: { clock?: Clock; speed?: number } = {}) {
  const byId = <T extends { id: string }>(list: T[]) => Object.fromEntries(list.map((e) => [e.id, e]));
  const snapshot: Snapshot = {
    logId: 'test',
    seq: 1,
    serverTime: T0,
    state: { ...emptyState(), clock: opts.clock ?? null, cells: byId(scenario.cells), checkpoints: byId(scenario.checkpoints), teams: byId(scenario.teams), tasks: byId(scenario.tasks) },
  };
  let n = 0;
  const stamp = () => ({ reportId: `r${String(++n).padStart(9, '0')}`, recordedAt: T0 + n });
  return createSimState({ ...ctx, speed: opts.speed ?? 1440 }, worldFromSnapshot(snapshot), { start: '2020-01-20', realNowMs: T0, stamp, newId: () => `INC-${n}` });
}

const named = <N extends SimCommand['name']>(list: SimCommand[], name: N) => list.filter((c): c is Extract<SimCommand, { name: N }> => c.name === name);

describe('planTick', () => {
  test('every planned command is valid for the shared schema, over the lockdown day', () => {
    const sim = createSim({ clock: { scenarioTime: shanghaiMidnight('2020-01-23') + 9 * 3600_000, speed: 1440 }, speed: 3600 });
    const all: SimCommand[] = [];
    for (let t = 1; t <= 12; t++) all.push(...planTick(sim, T0 + t * 1000).map((p) => p.command));
    const invalid = all.filter((c) => !Commands[c.name].safeParse(c.payload).success);
    expect(invalid).toEqual([]);
    expect(new Set(all.map((c) => c.name))).toContain('checkpoint:setStatus');
    expect(new Set(all.map((c) => c.payload.reportId)).size).toBe(all.length);
  });

  test('starts at the start date, clock first, then the counts of that day summing to the curve', () => {
    const cmds = planTick(createSim(), T0 + 1000).map((p) => p.command);
    expect(cmds[0]?.name).toBe('clock:set');
    const reports = named(cmds, 'cell:report');
    const confirmed = reports.reduce((s, r) => s + (r.payload.counts.confirmed ?? 0), 0);
    expect(confirmed).toBe(curveAt(ctx.cases.curve, '2020-01-20').confirmed);
  });

  test('advances speed scenario-seconds per real second and reports the clock about once a second', () => {
    const sim = createSim();
    planTick(sim, T0 + 1000);
    const next = planTick(sim, T0 + 2000).map((p) => p.command);
    const clock = named(next, 'clock:set')[0];
    expect(clock?.payload.scenarioTime).toBe(shanghaiMidnight('2020-01-20') + 2 * 1440 * 1000);
    expect(named(next, 'cell:report')).toEqual([]);
  });

  test('resumes from the server clock after a restart', () => {
    const resumeAt = shanghaiMidnight('2020-03-01') + 5 * 3600_000;
    const sim = createSim({ clock: { scenarioTime: resumeAt, speed: 1440 } });
    const clock = named(planTick(sim, T0 + 1000).map((p) => p.command), 'clock:set')[0];
    expect(clock?.payload.scenarioTime).toBe(resumeAt + 1440 * 1000);
  });

  test('stops at the end of the data and says so once with speed 0', () => {
    const sim = createSim({ clock: { scenarioTime: shanghaiMidnight('2020-04-29') + 86_000_000, speed: 1440 } });
    const first = named(planTick(sim, T0 + 1000).map((p) => p.command), 'clock:set');
    const later = named(planTick(sim, T0 + 2000).map((p) => p.command), 'clock:set');
    expect(first.map((c) => [c.payload.scenarioTime, c.payload.speed])).toEqual([[ctx.endTime, 0]]);
    expect(later).toEqual([]);
  });

  test('reports one position per team per tick, and teams move', () => {
    const sim = createSim();
    planTick(sim, T0 + 1000);
    const positions = named(planTick(sim, T0 + 2000).map((p) => p.command), 'position:report');
    expect(new Set(positions.map((p) => p.payload.teamId)).size).toBe(scenario.teams.length);
    expect(positions.length).toBe(scenario.teams.length);
    expect(positions.filter((p) => (p.payload.speedMps ?? 0) > 0).length).toBeGreaterThan(scenario.teams.length / 2);
  });

  test('assigns pending tasks to disinfection teams and walks them through the task states', () => {
    const sim = createSim();
    const all: SimCommand[] = [];
    for (let t = 1; t <= 900 && named(all, 'task:complete').length === 0; t++) all.push(...planTick(sim, T0 + t * 1000).map((p) => p.command));
    const done = named(all, 'task:complete')[0];
    expect(done).toBeDefined();
    const flow = all.filter((c) => 'taskId' in c.payload && c.payload.taskId === done?.payload.taskId).map((c) => c.name);
    expect(flow).toEqual(['task:setStatus', 'task:acknowledge', 'team:setStatus', 'task:setStatus', 'team:setStatus', 'task:complete']);
    expect(scenario.teams.find((t) => t.id === done?.payload.teamId)?.kind).toBe('disinfection');
  });
});

describe('real devices', () => {
  test('stops moving a team once a fix newer than its own arrives, and keeps moving the others', () => {
    const sim = createSim();
    const first = planTick(sim, T0 + 1000).filter((p) => p.command.name === 'position:report');
    const [a, b] = [...sim.world.teams.values()];
    expect(yieldTeamsTakenOver(sim, [{ ...a!, reportedAt: sim.lastFix.get(a!.id)! }])).toEqual([]);
    expect(yieldTeamsTakenOver(sim, [{ ...a!, reportedAt: sim.lastFix.get(a!.id)! + 60_000 }, { ...b!, reportedAt: null }])).toEqual([a!.id]);
    const later = planTick(sim, T0 + 2000).filter((p) => p.command.name === 'position:report');
    const teamsMoved = later.map((p) => (p.command.payload as { teamId: string }).teamId);
    expect(teamsMoved).not.toContain(a!.id);
    expect(teamsMoved).toContain(b!.id);
    expect(later.length).toBe(first.length - 1);
  });
});
