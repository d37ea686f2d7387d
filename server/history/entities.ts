import type { EntityKind } from '../../shared/entities.js';
import type { NewEvent } from '../../shared/events.js';

/** Index key of an entity in the log: `kind:id`, e.g. `teams:t1`, `cells:8940e…`. */
export type EntityKey = `${EntityKind}:${string}` | typeof CLOCK_ENTITY;

/** The scenario clock is one pseudo-entity, so `clock:set` events are indexed like the others. */
export const CLOCK_ENTITY = 'clock:scenario';

export function entityKey(kind: EntityKind, id: string): EntityKey {
  return `${kind}:${id}`;
}

type Refs = { teamId?: string | null; taskId?: string | null; cellId?: string; checkpointId?: string; incidentId?: string };

/**
 * Every entity an event names, the primary one first. Pure, from the event alone: a task status
 * change also releases the task's previous team, but which team that was depends on state, so only
 * the team named in the event is listed.
 */
export function entitiesOf(e: Pick<NewEvent, 'type' | 'data'>): EntityKey[] {
  const d = e.data as Refs & { id?: string };
  const keys: (EntityKey | null)[] = (() => {
    switch (e.type) {
      case 'cell:upserted':
        return [entityKey('cells', d.id!)];
      case 'checkpoint:upserted':
        return [entityKey('checkpoints', d.id!)];
      case 'team:upserted':
        return [entityKey('teams', d.id!)];
      case 'task:upserted':
        return [entityKey('tasks', d.id!)];
      case 'position:report':
      case 'team:setStatus':
      case 'supply:deliver':
        return [entityKey('teams', d.teamId!), ref('tasks', d.taskId), ref('cells', d.cellId)];
      case 'incident:create':
        return [entityKey('incidents', d.incidentId!), ref('checkpoints', d.checkpointId), ref('teams', d.teamId)];
      case 'checkpoint:tally':
      case 'checkpoint:setStatus':
        return [entityKey('checkpoints', d.checkpointId!)];
      case 'cell:report':
      case 'cell:visit':
        return [entityKey('cells', d.cellId!), ref('teams', d.teamId)];
      case 'task:setStatus':
      case 'task:acknowledge':
      case 'task:complete':
        return [entityKey('tasks', d.taskId!), ref('teams', d.teamId)];
      case 'clock:set':
        return [CLOCK_ENTITY];
    }
  })();
  return [...new Set(keys.filter((k): k is EntityKey => k !== null))];
}

function ref(kind: EntityKind, id: string | null | undefined): EntityKey | null {
  return id ? entityKey(kind, id) : null;
}
