import type { Checkpoint, IncidentKind } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import type { Rng } from '../scenario/prng.js';
import { inLockdown } from '../scenario/timeline.js';
import type { Planned, SimState } from './state.js';

/** Incidents per scenario day across the city: many during the lockdown, few after it. */
const INCIDENTS_PER_DAY = { lockdown: 40, normal: 6 };
/** Household visit rounds (走访) reported per real second, whatever the speed: enough to see, not a flood. */
const VISITS_PER_TICK = 6;

function incidentNote(kind: IncidentKind, rng: Rng, where: string): string {
  switch (kind) {
    case 'forced_passage':
      return `${where}：${rng.pick(['一辆私家车', '一辆货车', '一名骑电动车人员', '两名行人'])}无通行证强行冲卡，已${rng.pick(['拦停劝返', '登记车牌并移交公安', '劝返'])}`;
    case 'fever':
      return `${where}：测温发现体温${rng.range(37.4, 39.2).toFixed(1)}℃人员1名，已联系社区转运至发热门诊`;
    case 'supply_shortage':
      return `${where}：${rng.pick(['蔬菜', '米面油', '药品', '肉禽蛋'])}供应不足，约${rng.int(50, 400)}户待配送，请求调配`;
    case 'crowding':
      return `${where}：${rng.pick(['超市门口', '小区门口', '药店门口', '菜场入口'])}聚集约${rng.int(15, 60)}人，已疏导并要求间隔1米排队`;
    case 'other':
      return `${where}：其他情况`;
  }
}

function pickKind(rng: Rng, lockdown: boolean): IncidentKind {
  const r = rng.next();
  if (!lockdown) return r < 0.5 ? 'crowding' : r < 0.8 ? 'fever' : 'forced_passage';
  return r < 0.3 ? 'forced_passage' : r < 0.6 ? 'fever' : r < 0.85 ? 'supply_shortage' : 'crowding';
}

function severityOf(kind: IncidentKind, rng: Rng): 'low' | 'medium' | 'high' {
  if (kind === 'forced_passage') return rng.chance(0.4) ? 'high' : 'medium';
  if (kind === 'fever') return 'medium';
  return rng.chance(0.7) ? 'low' : 'medium';
}

/** Occasional incidents, at checkpoints (冲岗, 发热) or where a team is (物资短缺, 聚集). */
export function planIncidents(s: SimState, scenarioDays: number): Planned[] {
  const lockdown = inLockdown(s.date ?? '');
  const expected = Math.min(1, scenarioDays) * (lockdown ? INCIDENTS_PER_DAY.lockdown : INCIDENTS_PER_DAY.normal);
  if (!s.rng.chance(Math.min(1, expected))) return [];
  const kind = pickKind(s.rng, lockdown);
  const manned = [...s.world.checkpoints.values()].filter((c) => (s.cpStatus.get(c.id) ?? c.status) !== 'lifted');
  const atCheckpoint = (kind === 'forced_passage' || kind === 'fever') && manned.length > 0;
  const checkpoint: Checkpoint | null = atCheckpoint ? s.rng.pick(manned) : null;
  const team = checkpoint ? null : s.rng.pick([...s.world.teams.values()]);
  const position: LngLat | null = checkpoint?.position ?? (team ? (s.movers.get(team.id)?.position ?? team.position) : null);
  if (!position) return [];
  const where = checkpoint?.name ?? (team ? team.name : '');
  return [
    {
      command: {
        name: 'incident:create',
        payload: {
          ...s.stamp(),
          incidentId: s.newId(),
          kind,
          severity: severityOf(kind, s.rng),
          position,
          note: incidentNote(kind, s.rng, where),
          ...(checkpoint ? { checkpointId: checkpoint.id } : {}),
          ...(team ? { teamId: team.id } : {}),
        },
      },
    },
  ];
}

/** Grid workers' household visit rounds, weighted to cells with cases (they were visited daily). */
export function planVisits(s: SimState): Planned[] {
  const cells = [...s.world.cells.values()];
  if (cells.length === 0) return [];
  const lockdown = inLockdown(s.date ?? '');
  const planned: Planned[] = [];
  for (let i = 0; i < VISITS_PER_TICK; i++) {
    const cell = s.rng.pick(cells);
    const counts = s.sentCounts.get(cell.id) ?? cell.counts;
    if (counts.active === 0 && s.rng.chance(0.5)) continue;
    const householdsVisited = s.rng.int(Math.round(cell.households * 0.05), Math.round(cell.households * (lockdown ? 0.4 : 0.1)));
    planned.push({
      command: {
        name: 'cell:visit',
        payload: {
          ...s.stamp(),
          cellId: cell.id,
          householdsVisited,
          feverFound: lockdown && s.rng.chance(0.05) ? 1 : 0,
          suppliesDelivered: lockdown ? s.rng.int(0, Math.round(householdsVisited / 4)) : 0,
        },
      },
    });
  }
  return planned;
}
