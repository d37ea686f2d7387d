import type { FieldState, NearbyCheckpoint, PictureState } from '../../shared/protocol.js';
import type { Team } from '../../shared/entities.js';
import { distanceM, type LngLat } from '../../shared/geo.js';
import { nearbyWithSlack, teamTasks } from './fieldState.js';

/** Team fields a position report changes. A change in any other field reaches the phone at once. */
const FIX_FIELDS: ReadonlySet<string> = new Set(['position', 'headingDeg', 'speedMps', 'accuracyM', 'batteryPct', 'reportedAt', 'receivedAt', 'updatedAt']);

/** Why a team is looked at this tick. */
export type FieldReason = 'task' | 'team' | 'pending';

export interface FieldPushOptions {
  /** A fix alone is pushed at most this often. @default 5000 */
  fixIntervalMs?: number;
  /** …unless the team is this far from the fix its phone was last sent. @default 100 */
  moveM?: number;
}

interface Sent {
  at: number;
  /** The team as the phone was last sent it. */
  team: Team;
  /** Which checkpoints were nearby (sorted ids), and how far the team could move before that could change. */
  nearbyKey: string;
  slackM: number;
  /** Tasks the phone was last shown, so a task moved to another team leaves this phone at once. */
  taskIds: readonly string[];
}

/**
 * Decides when a team's phone hears its field state again. The phone shows its own GPS, so a fix
 * that only moves the team is not worth a message per report (at 1 Hz × 450 phones it was ~15 % of
 * a core): it is pushed at most once per `fixIntervalMs`, and a fix held back is sent when that
 * interval is up even if no other report comes. Pushed at once: any change of the team's tasks,
 * any change of the team other than its fix (status, task, deliveries…), a fix `moveM` or more
 * from the last one sent (the distances the phone shows are then wrong), and a fix that changes
 * WHICH checkpoints are nearby. Statuses of the nearby checkpoints ride along with the next push
 * (within `fixIntervalMs`): in the bench world each phone has a nearby status change every ~2 s.
 */
export class FieldPushes {
  private readonly sent = new Map<string, Sent>();
  private readonly pending = new Set<string>();
  private readonly fixIntervalMs: number;
  private readonly moveM: number;

  constructor(opts: FieldPushOptions = {}) {
    this.fixIntervalMs = opts.fixIntervalMs ?? 5000;
    this.moveM = opts.moveM ?? 100;
  }

  /** Teams whose phone was last shown this task. */
  teamsShowing(taskId: string): string[] {
    const teams: string[] = [];
    for (const [teamId, sent] of this.sent) if (sent.taskIds.includes(taskId)) teams.push(teamId);
    return teams;
  }

  /** A phone joined: it gets its state now, and the interval starts from here. */
  joined(state: PictureState, teamId: string, now: number): FieldState | null {
    const team = state.teams[teamId];
    return team ? this.record(state, team, nearbyWithSlack(state, team), now) : null;
  }

  /**
   * The field states to push this tick, by team: teams whose tasks changed (`task`), whose record
   * changed (`team`), and those with a fix held back (looked at without being named).
   * `hasPhone` says whether a phone of the team is listening; teams without one are forgotten.
   */
  due(state: PictureState, named: ReadonlyMap<string, FieldReason>, now: number, hasPhone: (teamId: string) => boolean): Map<string, FieldState> {
    const out = new Map<string, FieldState>();
    const look = (teamId: string, why: FieldReason) => {
      const field = hasPhone(teamId) ? this.decide(state, teamId, why, now) : this.forget(teamId);
      if (field) out.set(teamId, field);
    };
    for (const [teamId, why] of named) look(teamId, why);
    // A held-back fix waits for its interval; nothing else about the team changed (that would name it).
    for (const teamId of [...this.pending]) if (!named.has(teamId) && !this.withinFixInterval(this.sent.get(teamId), now)) look(teamId, 'pending');
    return out;
  }

  private decide(state: PictureState, teamId: string, why: FieldReason, now: number): FieldState | null {
    const last = this.sent.get(teamId);
    const team = state.teams[teamId];
    if (!team) return this.forget(teamId);
    if (!last || why === 'task' || !this.withinFixInterval(last, now) || !sameApartFromFix(last.team, team)) {
      return this.record(state, team, nearbyWithSlack(state, team), now);
    }
    if (why === 'pending') return null;
    const moved = moveM(last.team.position, team.position);
    // Within the slack the nearby set cannot have changed: no need to look at the checkpoints.
    if (moved < Math.min(this.moveM, last.slackM)) return this.hold(teamId);
    const nearby = nearbyWithSlack(state, team);
    if (moved >= this.moveM || nearbyKey(nearby.checkpoints) !== last.nearbyKey) return this.record(state, team, nearby, now);
    return this.hold(teamId);
  }

  /** The team's phone was sent its state less than the fix interval ago: a fix alone waits. */
  private withinFixInterval(last: Sent | undefined, now: number): boolean {
    return last !== undefined && now - last.at < this.fixIntervalMs;
  }

  private hold(teamId: string): null {
    this.pending.add(teamId);
    return null;
  }

  private record(state: PictureState, team: Team, nearby: { checkpoints: NearbyCheckpoint[]; slackM: number }, now: number): FieldState {
    const tasks = teamTasks(state, team.id);
    this.pending.delete(team.id);
    this.sent.set(team.id, { at: now, team, nearbyKey: nearbyKey(nearby.checkpoints), slackM: nearby.slackM, taskIds: tasks.map((t) => t.id) });
    return { seq: state.seq, serverTime: now, team, tasks, checkpoints: nearby.checkpoints };
  }

  private forget(teamId: string): null {
    this.sent.delete(teamId);
    this.pending.delete(teamId);
    return null;
  }
}

/** Every field but the fix is the same (all of them are primitives). Any field not listed as a fix counts, so a new one is pushed at once. */
function sameApartFromFix(a: Team, b: Team): boolean {
  const keys = Object.keys(b) as (keyof Team)[];
  if (keys.length !== Object.keys(a).length) return false;
  for (const k of keys) if (!FIX_FIELDS.has(k) && a[k] !== b[k]) return false;
  return true;
}

function moveM(from: LngLat | null, to: LngLat | null): number {
  if (!from || !to) return from === to ? 0 : Infinity;
  return distanceM(from, to);
}

/** Which checkpoints are nearby, whatever their order. */
function nearbyKey(checkpoints: readonly NearbyCheckpoint[]): string {
  return checkpoints
    .map((c) => c.id)
    .sort()
    .join(',');
}
