import type { Checkpoint, Incident, Task, Team } from '../../../shared/entities.js';
import type { Project } from '../../map/layers/display.js';
import { CHECKPOINT_COLORS, cssRgb, TEAM_COLORS } from '../../map/layers/colors.js';
import type { ClusterInput } from '../model/clusters.js';
import { INCIDENT_COLORS, TASK_COLORS } from './layers/markerColors.js';

/** Entity kinds the console clusters, by the state their clusters count. */
export type MarkerKind = 'checkpoints' | 'teams' | 'tasks' | 'incidents';

const css = <K extends string>(colors: Record<K, [number, number, number]>) =>
  Object.fromEntries(Object.entries(colors).map(([k, rgb]) => [k, cssRgb(rgb as [number, number, number])])) as Record<K, string>;

/** Ring colours per category of each kind: checkpoint status, team kind, task status, incident severity. */
export const CLUSTER_COLORS: Record<MarkerKind, Record<string, string>> = {
  checkpoints: css(CHECKPOINT_COLORS),
  teams: css(TEAM_COLORS),
  tasks: css(TASK_COLORS),
  incidents: css(INCIDENT_COLORS),
};

/** Cluster inputs for each kind, on the basemap's datum (supercluster works in the map's coordinates). */
export const clusterInputs = {
  checkpoints: (project: Project) => (c: Checkpoint): ClusterInput => ({ id: c.id, position: project(c.position), category: c.status }),
  // Only placed teams reach here (see placedTeams).
  teams: (project: Project) => (t: Team): ClusterInput => ({ id: t.id, position: project(t.position ?? [0, 0]), category: t.kind }),
  tasks: (project: Project) => (t: Task): ClusterInput => ({ id: t.id, position: project(t.position), category: t.status }),
  incidents: (project: Project) => (i: Incident): ClusterInput => ({ id: i.id, position: project(i.position), category: i.severity }),
};
