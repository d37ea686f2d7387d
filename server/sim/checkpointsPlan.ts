import type { Checkpoint, CheckpointStatus } from '../../shared/entities.js';
import { shanghaiDate, shanghaiMidnight } from '../../shared/time.js';
import { hashSeed, rngFor } from '../scenario/prng.js';
import { LOCKDOWN_HOUR, TIMELINE } from '../scenario/timeline.js';
import { scenarioHour } from './clockPlan.js';
import type { Planned, SimState } from './state.js';

const DAY_MS = 86_400_000;

/** A date `0…spanDays` after `from`, fixed per checkpoint: controls eased one site at a time, not all at once. */
function staggered(seed: number, id: string, from: string, spanDays: number): string {
  return shanghaiDate(shanghaiMidnight(from) + (hashSeed(seed, `stagger:${from}:${id}`) % (spanDays + 1)) * DAY_MS);
}

export interface StatusInput {
  date: string;
  hour: number;
  /** Active cases in the checkpoint's district on that date. */
  districtActive: number;
  seed: number;
}

/**
 * Status of a checkpoint on a scenario date, following 2020: open before the lockdown (2020-01-23 10:00);
 * then highway exits closed and the rest restricted, compound gates closed from 02-11 (封闭管理);
 * from 03-25, sites in districts without active cases — and by a staggered date all of them — reopen;
 * outbound controls lifted on 04-08 (exits at once, the rest over the next days). Hospitals stay restricted.
 */
export function checkpointStatusOn(cp: Pick<Checkpoint, 'id' | 'kind'>, at: StatusInput): CheckpointStatus {
  const { date, seed } = at;
  const locked = date > TIMELINE.lockdown || (date === TIMELINE.lockdown && at.hour >= LOCKDOWN_HOUR);
  if (!locked) return 'open';
  if (cp.kind === 'hospital') return 'restricted';
  const eased = date >= TIMELINE.easing && (at.districtActive === 0 || date >= staggered(seed, cp.id, TIMELINE.easing, 13));
  if (cp.kind === 'compound_gate') {
    if (date < TIMELINE.compoundsSealed) return 'restricted';
    if (!eased) return 'closed';
    return date >= staggered(seed, cp.id, '2020-04-15', 14) ? 'lifted' : 'restricted';
  }
  if (date >= TIMELINE.outboundLifted) {
    return cp.kind === 'highway_exit' || date >= staggered(seed, cp.id, TIMELINE.outboundLifted, 10) ? 'lifted' : 'open';
  }
  if (eased) return 'open';
  return cp.kind === 'highway_exit' ? 'closed' : 'restricted';
}

/** Staff by status: closed and restricted sites are staffed heavily (passes, temperature checks). */
function staffFor(status: CheckpointStatus, seed: number, id: string): number {
  const rng = rngFor(seed, `staff:${status}:${id}`);
  return { open: rng.int(4, 8), restricted: rng.int(8, 16), closed: rng.int(6, 12), lifted: 0 }[status];
}

/** Status changes due at the current scenario moment. */
export function planCheckpointStatus(s: SimState): Planned[] {
  const date = s.date ?? shanghaiDate(s.scenarioTime);
  const hour = scenarioHour(s);
  const planned: Planned[] = [];
  for (const cp of s.world.checkpoints.values()) {
    const status = checkpointStatusOn(cp, { date, hour, districtActive: s.districtActive.get(cp.districtCode) ?? 0, seed: s.ctx.seed });
    if (status === (s.cpStatus.get(cp.id) ?? cp.status)) continue;
    s.cpStatus.set(cp.id, status);
    planned.push({
      command: { name: 'checkpoint:setStatus', payload: { ...s.stamp(), checkpointId: cp.id, status, staffOnDuty: staffFor(status, s.ctx.seed, cp.id) } },
      key: `cps:${cp.id}`,
    });
  }
  return planned;
}

/** Persons and vehicles per scenario hour (in + out) by status; most attempts at a closed site are turned back. */
const FLOW: Record<CheckpointStatus, { persons: number; vehicles: number; refusedShare: number; checked: number }> = {
  open: { persons: 400, vehicles: 300, refusedShare: 0, checked: 0 },
  restricted: { persons: 40, vehicles: 25, refusedShare: 0.15, checked: 1 },
  closed: { persons: 12, vehicles: 6, refusedShare: 0.7, checked: 1 },
  lifted: { persons: 0, vehicles: 0, refusedShare: 0, checked: 0 },
};

function nightFactor(hour: number): number {
  return hour < 6 ? 0.15 : hour >= 22 ? 0.5 : 1;
}

/** Tally increments for the scenario hours since the last tally. */
export function planTallies(s: SimState): Planned[] {
  // Only the part since midnight: the server starts the day's tallies from zero at the day change.
  const sinceMidnight = s.scenarioTime - shanghaiMidnight(shanghaiDate(s.scenarioTime));
  const hours = Math.min(s.scenarioTime - s.lastTallyScenario, sinceMidnight) / 3600_000;
  s.lastTallyScenario = s.scenarioTime;
  if (hours <= 0) return [];
  const k = hours * nightFactor(scenarioHour(s));
  const planned: Planned[] = [];
  for (const cp of s.world.checkpoints.values()) {
    const f = FLOW[s.cpStatus.get(cp.id) ?? cp.status];
    if (f.persons === 0) continue;
    const n = (rate: number): number => Math.min(100_000, Math.round(rate * k * s.rng.range(0.6, 1.4)));
    const [inP, outP, inV, outV] = [n(f.persons / 2), n(f.persons / 2), n(f.vehicles / 2), n(f.vehicles / 2)];
    const refused = Math.round((inP + outP + inV + outV) * f.refusedShare);
    if (inP + outP + inV + outV === 0) continue;
    planned.push({
      command: {
        name: 'checkpoint:tally',
        payload: { ...s.stamp(), checkpointId: cp.id, inboundPersons: inP, outboundPersons: outP, inboundVehicles: inV, outboundVehicles: outV, passesChecked: Math.round((inP + outP) * f.checked), refused },
      },
    });
  }
  return planned;
}
