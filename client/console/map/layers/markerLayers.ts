import { ScatterplotLayer } from '@deck.gl/layers';
import type { Incident, Task } from '../../../../shared/entities.js';
import { withAlpha, type DisplayOptions } from '../../../map/layers/display.js';
import { INCIDENT_COLORS, TASK_COLORS } from './markerColors.js';

/** Disinfection tasks (消杀任务) as small squares-looking dots coloured by status; pickable. */
export function createTaskLayer(tasks: readonly Task[], opts: DisplayOptions): ScatterplotLayer<Task> {
  const { project, crs, visible = true } = opts;
  return new ScatterplotLayer<Task>({
    id: 'console-tasks',
    data: tasks,
    visible,
    pickable: true,
    radiusUnits: 'pixels',
    getRadius: 4,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    getLineColor: [255, 255, 255, 200],
    getPosition: (t) => project(t.position),
    getFillColor: (t) => withAlpha(TASK_COLORS[t.status], 255),
    updateTriggers: { getPosition: crs },
  });
}

/** Incidents, larger and ringed, coloured by severity; resolved ones faded. */
export function createIncidentLayer(incidents: readonly Incident[], opts: DisplayOptions): ScatterplotLayer<Incident> {
  const { project, crs, visible = true } = opts;
  return new ScatterplotLayer<Incident>({
    id: 'console-incidents',
    data: incidents,
    visible,
    pickable: true,
    radiusUnits: 'pixels',
    getRadius: 6,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    getLineColor: (i) => [255, 255, 255, i.status === 'resolved' ? 90 : 255],
    getPosition: (i) => project(i.position),
    getFillColor: (i) => withAlpha(INCIDENT_COLORS[i.severity], i.status === 'resolved' ? 90 : 255),
    updateTriggers: { getPosition: crs },
  });
}
