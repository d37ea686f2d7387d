import { expect, test } from 'vitest';
import { createDelta, createSnapshot, createTeam, T0 } from '../../state/fixtures.js';
import { applyDelta, applySnapshot } from '../../state/picture.js';
import { TEAM_COLORS } from './colors.js';
import { createTeamLayer, placedTeams } from './teamLayer.js';
import { createTeamTrailLayer, teamTrails } from './teamTrailLayer.js';
import { callAccessor, createShiftedDisplay } from './testing.js';

test('colours teams by kind and dims off-duty teams', () => {
  const layer = createTeamLayer([], createShiftedDisplay());
  expect(layer.id).toBe('teams');
  expect(callAccessor(layer.props.getFillColor, createTeam('t', { kind: 'medical' }))).toEqual([...TEAM_COLORS.medical, 255]);
  expect(callAccessor(layer.props.getFillColor, createTeam('t', { kind: 'medical', status: 'off_duty' }))).toEqual([...TEAM_COLORS.medical, 90]);
  expect(callAccessor(layer.props.getPosition, createTeam('t', { position: [114, 30] }))).toEqual([115, 32]);
});

test('draws only teams with a position', () => {
  expect(placedTeams([createTeam('a'), createTeam('b', { position: null })]).map((t) => t.id)).toEqual(['a']);
});

test('builds trails of two points or more and projects their paths', () => {
  let s = applySnapshot(createSnapshot(1, { teams: [createTeam('a', { position: [114, 30] }), createTeam('b')] }));
  s = applyDelta(s, createDelta(1, 2, { teams: [createTeam('a', { position: [114.01, 30], reportedAt: T0 + 1000 })] }));
  const trails = teamTrails(s.teams, s.trails);
  expect(trails.map((t) => t.id)).toEqual(['a']);
  const layer = createTeamTrailLayer(trails, createShiftedDisplay());
  expect(layer.id).toBe('team-trails');
  expect(callAccessor(layer.props.getPath, trails[0])).toEqual([[115, 32], [115.01, 32]]);
  expect(layer.props.updateTriggers.getPath).toBe('gcj02');
});
