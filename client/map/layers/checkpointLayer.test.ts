import { expect, test } from 'vitest';
import { createCheckpoint } from '../../state/fixtures.js';
import { createCheckpointLayer } from './checkpointLayer.js';
import { CHECKPOINT_COLORS } from './colors.js';
import { callAccessor, createShiftedDisplay } from './testing.js';

test('colours checkpoints by status', () => {
  const layer = createCheckpointLayer([], createShiftedDisplay());
  expect(layer.id).toBe('checkpoints');
  for (const status of ['open', 'restricted', 'closed', 'lifted'] as const) {
    expect(callAccessor(layer.props.getFillColor, createCheckpoint('k', { status }))).toEqual([...CHECKPOINT_COLORS[status], 255]);
  }
});

test('places checkpoints through the projector', () => {
  const layer = createCheckpointLayer([], createShiftedDisplay());
  expect(callAccessor(layer.props.getPosition, createCheckpoint('k', { position: [114, 30] }))).toEqual([115, 32]);
  expect(layer.props.updateTriggers.getPosition).toBe('gcj02');
});

test('hides without leaving the layer list', () => {
  expect(createCheckpointLayer([], { ...createShiftedDisplay(), visible: false }).props.visible).toBe(false);
});
