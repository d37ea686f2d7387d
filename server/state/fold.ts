import type { LogEvent } from '../../shared/events.js';
import type { PictureState } from '../../shared/protocol.js';
import type { ChangeSet } from './changes.js';
import { applyCellReport, applyCellVisit } from './cells.js';
import { applyCheckpointStatus, applyCheckpointTally } from './checkpoints.js';
import { applyPosition, applySupplyDelivery, applyTeamStatus } from './teams.js';
import { applyTaskAcknowledge, applyTaskComplete, applyTaskStatus } from './tasks.js';
import { applyIncidentCreate } from './incidents.js';
import { applyClock } from './clock.js';

type Handler<T extends LogEvent['type']> = (state: PictureState, e: LogEvent<T>, changes: ChangeSet) => void;

const upsert =
  <K extends 'cells' | 'checkpoints' | 'teams' | 'tasks'>(kind: K) =>
  (state: PictureState, e: LogEvent, changes: ChangeSet) => {
    const entity = e.data as PictureState[K][string];
    (state[kind] as Record<string, typeof entity>)[entity.id] = entity;
    changes.ids[kind].add(entity.id);
  };

const handlers: { [T in LogEvent['type']]: Handler<T> } = {
  'cell:upserted': upsert('cells'),
  'checkpoint:upserted': upsert('checkpoints'),
  'team:upserted': upsert('teams'),
  'task:upserted': upsert('tasks'),
  'position:report': applyPosition,
  'team:setStatus': applyTeamStatus,
  'incident:create': applyIncidentCreate,
  'checkpoint:tally': applyCheckpointTally,
  'checkpoint:setStatus': applyCheckpointStatus,
  'cell:report': applyCellReport,
  'cell:visit': applyCellVisit,
  'task:setStatus': applyTaskStatus,
  'task:acknowledge': applyTaskAcknowledge,
  'task:complete': applyTaskComplete,
  'supply:deliver': applySupplyDelivery,
  'clock:set': applyClock,
};

/**
 * Folds one logged event into the state and records what it changed.
 * Deterministic: the same events in the same order always give the same state, which is what makes
 * restart (snapshot + tail) and time travel exact. The state object is updated in place because
 * copying 5,000 cells per event would make replaying a million-event log take minutes; every
 * per-entity transition builds a new entity object, so references handed out earlier stay valid.
 */
export function foldEvent(state: PictureState, e: LogEvent, changes: ChangeSet): void {
  const handler = handlers[e.type] as Handler<LogEvent['type']> | undefined;
  if (!handler) throw new Error(`no fold for event type ${e.type} (seq ${e.seq})`);
  handler(state, e, changes);
  state.seq = e.seq;
}
