import { describe, expect, test } from 'vitest';
import type { NewEvent } from '../../shared/events.js';
import { createCell } from '../testing/fixtures.js';
import { entitiesOf } from './entities.js';

const ev = (type: string, data: object) => ({ type, data }) as Pick<NewEvent, 'type' | 'data'>;

describe('entitiesOf', () => {
  test('names the upserted entity of a seeding event', () => {
    expect(entitiesOf(ev('cell:upserted', createCell({ id: '8940e1' })))).toEqual(['cells:8940e1']);
  });

  test('puts the primary entity first and adds the others an event names', () => {
    expect(entitiesOf(ev('incident:create', { incidentId: 'i1', checkpointId: 'k1', teamId: 't1' }))).toEqual(['incidents:i1', 'checkpoints:k1', 'teams:t1']);
    expect(entitiesOf(ev('task:setStatus', { taskId: 'task1', teamId: 't2', status: 'assigned' }))).toEqual(['tasks:task1', 'teams:t2']);
    expect(entitiesOf(ev('supply:deliver', { teamId: 't2', cellId: 'c3' }))).toEqual(['teams:t2', 'cells:c3']);
  });

  test('leaves out references that are absent or null', () => {
    expect(entitiesOf(ev('task:setStatus', { taskId: 'task1', teamId: null, status: 'pending' }))).toEqual(['tasks:task1']);
    expect(entitiesOf(ev('team:setStatus', { teamId: 't1', status: 'resting' }))).toEqual(['teams:t1']);
  });

  test('files clock events under the scenario clock', () => {
    expect(entitiesOf(ev('clock:set', { scenarioTime: 1, speed: 1 }))).toEqual(['clock:scenario']);
  });
});
