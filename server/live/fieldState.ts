import type { FieldState, NearbyCheckpoint, PictureState } from '../../shared/protocol.js';
import type { Checkpoint, Task, Team } from '../../shared/entities.js';
import { distanceM, type LngLat } from '../../shared/geo.js';

/** The field state of one team: itself and the tasks assigned to it, newest first. */
export function fieldStateFor(state: PictureState, teamId: string, serverTime: number): FieldState | null {
  const team = state.teams[teamId];
  if (!team) return null;
  return { seq: state.seq, serverTime, team, tasks: teamTasks(state, teamId), checkpoints: nearbyCheckpoints(state, team) };
}

/** The tasks assigned to a team (cancelled ones aside), most recently updated first. */
export function teamTasks(state: PictureState, teamId: string): Task[] {
  const tasks: Task[] = [];
  for (const id in state.tasks) {
    const t = state.tasks[id]!;
    if (t.teamId === teamId && t.status !== 'cancelled') tasks.push(t);
  }
  return tasks.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** The closest checkpoints to the team's last fix (or its district's, before the first fix). */
export function nearbyCheckpoints(state: PictureState, team: Team, limit = 12): NearbyCheckpoint[] {
  return nearbyWithSlack(state, team, limit).checkpoints;
}

/**
 * The nearby checkpoints, and how far the team can move before that SET can change: half the gap
 * between the last one kept and the next (each distance changes by at most the move). 0 when unknown.
 */
export function nearbyWithSlack(state: PictureState, team: Team, limit = 12): { checkpoints: NearbyCheckpoint[]; slackM: number } {
  const at = team.position;
  if (!at) return { checkpoints: inDistrict(state, team.districtCode, limit), slackM: 0 };
  const best = nearest(state, at, limit + 1);
  const kept = best.slice(0, limit).map((c) => ({ id: c.id, name: c.name, status: c.status, distanceM: Math.round(distanceM(at, c.position)) }));
  const next = best[limit];
  const slackM = next ? (distanceM(at, next.position) - distanceM(at, best[limit - 1]!.position)) / 2 : Infinity;
  return { checkpoints: kept, slackM };
}

function inDistrict(state: PictureState, districtCode: string, limit: number): NearbyCheckpoint[] {
  const found: NearbyCheckpoint[] = [];
  for (const id in state.checkpoints) {
    const c = state.checkpoints[id]!;
    if (c.districtCode !== districtCode) continue;
    found.push({ id: c.id, name: c.name, status: c.status, distanceM: null });
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * The `n` checkpoints nearest `at`, nearest first. Runs for reports of signed-in teams, so it keeps
 * the best in one pass (bounded insertion: no array of all checkpoints, no sort) and ranks by the
 * haversine term, which orders exactly as the distance does.
 */
function nearest(state: PictureState, at: LngLat, n: number): Checkpoint[] {
  const best: Checkpoint[] = [];
  const keys: number[] = [];
  const term = haversineTermFrom(at);
  for (const id in state.checkpoints) {
    const c = state.checkpoints[id]!;
    const key = term(c.position);
    if (best.length >= n && key >= keys[n - 1]!) continue;
    // Shift the farther ones down (the last one falls off when full); equal keys keep the table's order.
    let i = Math.min(best.length, n - 1);
    while (i > 0 && keys[i - 1]! > key) {
      best[i] = best[i - 1]!;
      keys[i] = keys[i - 1]!;
      i--;
    }
    best[i] = c;
    keys[i] = key;
  }
  return best;
}

/** `h` of the haversine formula from `a`: distance = 2R·asin(√h), so it ranks points by distance. */
function haversineTermFrom(a: LngLat): (b: LngLat) => number {
  const rad = Math.PI / 180;
  const cosLat = Math.cos(a[1] * rad);
  return (b) => {
    const sLat = Math.sin(((b[1] - a[1]) * rad) / 2);
    const sLng = Math.sin(((b[0] - a[0]) * rad) / 2);
    return sLat * sLat + cosLat * Math.cos(b[1] * rad) * sLng * sLng;
  };
}
