import { latLngToCell } from 'h3-js';
import type { Team, TeamStatus } from '../../shared/entities.js';
import { H3_RES } from '../scenario/grid.js';
import { createMover, stepMover } from './movement.js';
import type { Planned, SimState } from './state.js';

const LOW_BATTERY = 15;
const CHARGED = 95;

function setStatus(s: SimState, team: Team, status: TeamStatus, planned: Planned[], taskId?: string | null): void {
  if (s.status.get(team.id) === status) return;
  s.status.set(team.id, status);
  const payload = taskId === undefined ? { ...s.stamp(), teamId: team.id, status } : { ...s.stamp(), teamId: team.id, status, taskId };
  planned.push({ command: { name: 'team:setStatus', payload } });
}

/** Teams the simulator drives: every team with a position (a real phone would report its own). */
export function ensureMovers(s: SimState): void {
  for (const team of s.world.teams.values()) {
    if (s.movers.has(team.id) || !team.position || s.external.has(team.id)) continue;
    s.movers.set(team.id, createMover(s.ctx.graph, team.position, team.kind, s.rng));
    s.battery.set(team.id, team.batteryPct ?? 100);
    s.status.set(team.id, team.status);
  }
}

/** Resting when the battery is low (a break, phone on charge), patrolling otherwise; job teams are left to the task planner. */
function restOrPatrol(s: SimState, team: Team, battery: number, planned: Planned[]): void {
  const status = s.status.get(team.id);
  const onJob = [...s.jobs.values()].some((j) => j.teamId === team.id);
  if (onJob) return;
  // Not on a job: a team left en route or working by an earlier run goes back to patrol too.
  if (status === 'en_route' || status === 'working' || status === 'off_duty') return setStatus(s, team, 'on_duty', planned, null);
  if (battery < LOW_BATTERY) setStatus(s, team, 'resting', planned);
  else if (status !== 'resting' || battery >= CHARGED) setStatus(s, team, 'on_duty', planned, null);
}

/**
 * A fix newer than any the simulator sent came from a real phone or tracker: that team is theirs
 * from now on, so the demo never fights a real device for a team's position.
 */
export function yieldTeamsTakenOver(s: SimState, teams: readonly Team[]): string[] {
  const taken: string[] = [];
  for (const team of teams) {
    if (team.reportedAt === null || s.external.has(team.id)) continue;
    if (team.reportedAt > (s.lastFix.get(team.id) ?? Number.NEGATIVE_INFINITY)) {
      s.external.add(team.id);
      s.movers.delete(team.id);
      taken.push(team.id);
    }
  }
  return taken;
}

/** Moves every team one step and reports its fix: one `position:report` per team per tick. */
export function planTeams(s: SimState, realNowMs: number, dtS: number): Planned[] {
  const planned: Planned[] = [];
  for (const team of s.world.teams.values()) {
    const m = s.movers.get(team.id);
    if (!m) continue;
    const status = s.status.get(team.id);
    const moving = (status === 'on_duty' || status === 'en_route') && (s.busyUntil.get(team.id) ?? 0) <= realNowMs;
    stepMover(s.ctx.graph, m, dtS, s.rng, { moving, stayIn: (n) => s.ctx.nodeDistrict[n] === team.districtCode });
    const drain = moving ? 0.01 * dtS : status === 'resting' ? -0.5 * dtS : 0.002 * dtS;
    const battery = Math.max(0, Math.min(100, (s.battery.get(team.id) ?? 100) - drain));
    s.battery.set(team.id, battery);
    restOrPatrol(s, team, battery, planned);
    if (team.kind === 'volunteer' && moving && s.rng.chance(0.004 * dtS)) planned.push(...deliver(s, team, m.position, realNowMs));
    const stamp = s.stamp();
    s.lastFix.set(team.id, stamp.recordedAt);
    planned.push({
      command: {
        name: 'position:report',
        payload: {
          ...stamp,
          teamId: team.id,
          position: m.position,
          speedMps: Math.round(m.speedMps * 10) / 10,
          headingDeg: m.headingDeg,
          accuracyM: Math.round(s.rng.range(4, 15)),
          batteryPct: Math.round(battery),
        },
      },
      key: `pos:${team.id}`,
    });
  }
  return planned;
}

/** A volunteer stops for a supply drop (生活物资配送) in the cell it is passing. */
function deliver(s: SimState, team: Team, at: [number, number], realNowMs: number): Planned[] {
  const cellId = latLngToCell(at[1], at[0], H3_RES);
  const cell = s.world.cells.get(cellId);
  s.busyUntil.set(team.id, realNowMs + s.rng.int(10, 30) * 1000);
  const households = s.rng.int(20, 150);
  const items = s.rng.pick(['蔬菜包', '米、面、油', '肉禽蛋', '药品代购', '团购生活物资']);
  return [
    {
      command: {
        name: 'supply:deliver',
        payload: { ...s.stamp(), teamId: team.id, ...(cell ? { cellId } : {}), position: at, households, items, note: `${cell ? cell.communityName : '沿线'}无接触配送${households}户` },
      },
    },
  ];
}
