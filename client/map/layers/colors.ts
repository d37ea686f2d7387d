import type { CheckpointStatus, TeamKind } from '../../../shared/entities.js';

type Rgb = [number, number, number];

/** Checkpoint status colours: open green, restricted amber, closed red, lifted grey. Shared by map and legend. */
export const CHECKPOINT_COLORS: Record<CheckpointStatus, Rgb> = {
  open: [46, 190, 90],
  restricted: [240, 170, 20],
  closed: [230, 55, 50],
  lifted: [150, 156, 166],
};

/** Team kind colours, chosen away from the risk/status greens, ambers and reds. Shared by map and legend. */
export const TEAM_COLORS: Record<TeamKind, Rgb> = {
  disinfection: [176, 120, 255],
  patrol: [60, 160, 255],
  volunteer: [0, 215, 200],
  medical: [255, 110, 190],
};

export function cssRgb([r, g, b]: readonly [number, number, number]): string {
  return `rgb(${r} ${g} ${b})`;
}
