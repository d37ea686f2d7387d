import { expect, test } from 'vitest';
import { cellShapes } from '../../../map/cellShapes.js';
import { callAccessor, createShiftedDisplay } from '../../../map/layers/testing.js';
import { createCell } from '../../../state/fixtures.js';
import { createConsoleCellLayer } from './consoleCellLayer.js';
import { createIncidentLayer, createTaskLayer } from './markerLayers.js';
import { createOutlineLayer } from './outlineLayer.js';
import { INCIDENT_COLORS, TASK_COLORS } from './markerColors.js';

test('cells are pickable and coloured through the given functions', () => {
  const [shape] = cellShapes([createCell('c1')], null);
  const layer = createConsoleCellLayer([], { ...createShiftedDisplay(), fillOf: () => [1, 2, 3, 4], lineOf: () => [5, 6, 7, 8], colorKey: 'k' });
  expect(layer.props.pickable).toBe(true);
  expect(callAccessor(layer.props.getFillColor, shape)).toEqual([1, 2, 3, 4]);
  expect(layer.props.updateTriggers.getFillColor).toBe('k');
});

test('outlines go through the projector, districts thicker than streets', () => {
  const edge = { area: 'A', from: [114, 30] as [number, number], to: [114.1, 30] as [number, number] };
  const district = createOutlineLayer([edge], { ...createShiftedDisplay(), level: 'district' });
  const street = createOutlineLayer([edge], { ...createShiftedDisplay(), level: 'street' });
  expect(callAccessor(district.props.getSourcePosition, edge)).toEqual([115, 32]);
  expect(district.props.getWidth).toBeGreaterThan(street.props.getWidth as number);
  expect(district.id).not.toBe(street.id);
});

test('tasks by status and incidents by severity, resolved ones faded', () => {
  const task = { id: 't', siteName: 's', siteKind: 'market', position: [114, 30], districtCode: '420106', areaM2: 1, teamId: null, status: 'done', dueAt: null, completedAt: null, updatedAt: 0 } as const;
  expect(callAccessor(createTaskLayer([], createShiftedDisplay()).props.getFillColor, task)).toEqual([...TASK_COLORS.done, 255]);
  const incident = { id: 'i', kind: 'fever', severity: 'high', position: [114, 30], note: '', teamId: null, checkpointId: null, status: 'resolved', reportedAt: 0, receivedAt: 0, updatedAt: 0 } as const;
  expect(callAccessor(createIncidentLayer([], createShiftedDisplay()).props.getFillColor, incident)).toEqual([...INCIDENT_COLORS.high, 90]);
});
