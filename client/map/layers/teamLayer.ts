import { ScatterplotLayer } from '@deck.gl/layers';
import type { Team } from '../../../shared/entities.js';
import { TEAM_COLORS } from './colors.js';
import { withAlpha, type DisplayOptions } from './display.js';

/** Teams with a known position; the others cannot be drawn. */
export function placedTeams(teams: readonly Team[]): Team[] {
  return teams.filter((t) => t.position !== null);
}

/** Teams (消杀队, 巡逻队, 志愿者, 医疗队) coloured by kind with a white ring; off-duty teams dimmed. */
export function createTeamLayer(teams: readonly Team[], opts: DisplayOptions): ScatterplotLayer<Team> {
  const { project, crs, visible = true } = opts;
  return new ScatterplotLayer<Team>({
    id: 'teams',
    data: teams,
    visible,
    pickable: false,
    radiusUnits: 'pixels',
    getRadius: 3.5,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.2,
    getLineColor: (t) => [255, 255, 255, t.status === 'off_duty' ? 90 : 230],
    // Placed teams only (see placedTeams), so position is never null here.
    getPosition: (t) => project(t.position ?? [0, 0]),
    getFillColor: (t) => withAlpha(TEAM_COLORS[t.kind], t.status === 'off_duty' ? 90 : 255),
    updateTriggers: { getPosition: crs },
  });
}
