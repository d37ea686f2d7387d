import type { Incident, TaskStatus } from '../../../../shared/entities.js';

type Rgb = [number, number, number];

/** Task status colours: to-do in warm tones, done green, cancelled grey. Shared by map, clusters and legend. */
export const TASK_COLORS: Record<TaskStatus, Rgb> = {
  pending: [255, 196, 0],
  assigned: [255, 140, 60],
  in_progress: [80, 170, 255],
  done: [46, 190, 90],
  cancelled: [150, 156, 166],
};

/** Incident severity colours (low yellow, medium orange, high red), matching the risk palette's meaning. */
export const INCIDENT_COLORS: Record<Incident['severity'], Rgb> = {
  low: [250, 220, 80],
  medium: [255, 140, 40],
  high: [235, 40, 60],
};
