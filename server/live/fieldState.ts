import type { FieldState, NearbyCheckpoint, PictureState } from '../../shared/protocol.js';
import type { Team } from '../../shared/entities.js';
import { distanceM } from '../../shared/geo.js';

/** The field state of one team: itself and the tasks assigned to it, newest first. */
export function fieldStateFor(state: PictureState, teamId: string, serverTime: number): FieldState | null {
  const team = state.teams[teamId];
  if (!team) return null;
  const tasks = Object.values(state.tasks)
    .filter((t) => t.teamId === teamId && t.status !== 'cancelled')
    .sort((a, b) => b.updatedAt - a.updatedAt);
  return { seq: state.seq, serverTime, team, tasks, checkpoints: nearbyCheckpoints(state, team) };
}

/** The closest checkpoints to the team's last fix (or its district's, before the first fix). */
export function nearbyCheckpoints(state: PictureState, team: Team, limit = 12): NearbyCheckpoint[] {
  const all = Object.values(state.checkpoints);
  const at = team.position;
  if (!at) {
    return all
      .filter((c) => c.districtCode === team.districtCode)
      .slice(0, limit)
      .map((c) => ({ id: c.id, name: c.name, status: c.status, distanceM: null }));
  }
  return all
    .map((c) => ({ id: c.id, name: c.name, status: c.status, distanceM: Math.round(distanceM(at, c.position)) }))
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, limit);
}
