import { PathLayer } from '@deck.gl/layers';
import type { Team, TeamKind } from '../../../shared/entities.js';
import type { LngLat } from '../../../shared/geo.js';
import { TEAM_COLORS } from './colors.js';
import { withAlpha, type DisplayOptions } from './display.js';

/** The recent path of one team, WGS-84, oldest first. */
export interface TeamTrail {
  id: string;
  kind: TeamKind;
  path: readonly LngLat[];
}

/** Trails worth drawing (two points or more), for teams still known. */
export function teamTrails(teams: Record<string, Team>, trails: Record<string, readonly LngLat[]>): TeamTrail[] {
  const out: TeamTrail[] = [];
  for (const [id, path] of Object.entries(trails)) {
    const team = teams[id];
    if (team && path.length >= 2) out.push({ id, kind: team.kind, path });
  }
  return out;
}

/** Short trails behind moving teams, in the team's colour. */
export function createTeamTrailLayer(trails: readonly TeamTrail[], opts: DisplayOptions): PathLayer<TeamTrail> {
  const { project, crs, visible = true } = opts;
  return new PathLayer<TeamTrail>({
    id: 'team-trails',
    data: trails,
    visible,
    pickable: false,
    widthUnits: 'pixels',
    getWidth: 2,
    capRounded: true,
    jointRounded: true,
    getPath: (t) => t.path.map(project),
    getColor: (t) => withAlpha(TEAM_COLORS[t.kind], 150),
    updateTriggers: { getPath: crs },
  });
}
