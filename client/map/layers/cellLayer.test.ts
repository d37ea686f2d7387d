import { expect, test } from 'vitest';
import { RISK_COLORS } from '../../../shared/risk.js';
import { createCell } from '../../state/fixtures.js';
import { createCellLayer } from './cellLayer.js';
import { callAccessor, createShiftedDisplay, createWgsDisplay } from './testing.js';

test('has a stable id and takes the cells as data', () => {
  const cells = [createCell('c1')];
  const layer = createCellLayer(cells, createWgsDisplay());
  expect(layer.id).toBe('cells');
  expect(layer.props.data).toBe(cells);
});

test('fills by risk, translucent, with an opaque-ish outline', () => {
  const layer = createCellLayer([], { ...createWgsDisplay(), fillAlpha: 60 });
  const cell = createCell('c1', { risk: 'high' });
  expect(callAccessor(layer.props.getFillColor, cell)).toEqual([...RISK_COLORS.high, 60]);
  expect(callAccessor(layer.props.getLineColor, cell)).toEqual([...RISK_COLORS.high, 200]);
  expect(layer.props.updateTriggers.getFillColor).toBe(60);
});

test('projects every vertex and re-projects when the datum changes', () => {
  const layer = createCellLayer([], createShiftedDisplay());
  const cell = createCell('c1', { polygon: [[114, 30], [114.1, 30], [114.1, 30.1]] });
  expect(callAccessor(layer.props.getPolygon, cell)).toEqual([[115, 32], [115.1, 32], [115.1, 32.1]]);
  expect(layer.props.updateTriggers.getPolygon).toBe('gcj02');
});
