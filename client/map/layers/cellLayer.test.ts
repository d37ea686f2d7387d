import { expect, test } from 'vitest';
import { RISK_COLORS } from '../../../shared/risk.js';
import { createCell } from '../../state/fixtures.js';
import { cellShapes } from '../cellShapes.js';
import { createCellLayer, type CellLayerOptions } from './cellLayer.js';
import { callAccessor, createShiftedDisplay, createWgsDisplay } from './testing.js';

function createOptions(over: Partial<CellLayerOptions> = {}): CellLayerOptions {
  return { ...createWgsDisplay(), riskOf: () => 'low', riskKey: 'l', ...over };
}

test('has a stable id and takes the shapes as data', () => {
  const shapes = cellShapes([createCell('c1')], null);
  const layer = createCellLayer(shapes, createOptions());
  expect(layer.id).toBe('cells');
  expect(layer.props.data).toBe(shapes);
});

test('fills by current risk, translucent, and recolours when the risk key changes', () => {
  const [shape] = cellShapes([createCell('c1')], null);
  const layer = createCellLayer([], createOptions({ riskOf: () => 'high', riskKey: 'h', fillAlpha: 60 }));
  expect(callAccessor(layer.props.getFillColor, shape)).toEqual([...RISK_COLORS.high, 60]);
  expect(callAccessor(layer.props.getLineColor, shape)).toEqual([...RISK_COLORS.high, 200]);
  expect(layer.props.updateTriggers.getFillColor).toEqual(['h', 60]);
  expect(layer.props.updateTriggers.getLineColor).toBe('h');
});

test('projects every vertex and re-projects when the datum changes', () => {
  const [shape] = cellShapes([createCell('c1', { polygon: [[114, 30], [114.1, 30], [114.1, 30.1]] })], null);
  const layer = createCellLayer([], { ...createOptions(), ...createShiftedDisplay() });
  expect(callAccessor(layer.props.getPolygon, shape)).toEqual([[115, 32], [115.1, 32], [115.1, 32.1]]);
  expect(layer.props.updateTriggers.getPolygon).toBe('gcj02');
});
