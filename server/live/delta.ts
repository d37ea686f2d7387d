import type { EntityKind } from '../../shared/entities.js';
import type { Delta, PictureState } from '../../shared/protocol.js';
import type { ChangeSet } from '../state/changes.js';

/** Builds the one message that carries a change set: each changed entity once, in its latest state. */
export function buildDelta(state: PictureState, changes: ChangeSet, fromSeq: number, toSeq: number, serverTime: number): Delta {
  const delta: Delta = { fromSeq, toSeq, serverTime };
  if (changes.clock && state.clock) delta.clock = state.clock;
  for (const kind of Object.keys(changes.ids) as EntityKind[]) {
    const ids = changes.ids[kind];
    if (!ids.size) continue;
    const table = state[kind] as Record<string, unknown>;
    const list = [...ids].map((id) => table[id]).filter((e) => e !== undefined);
    (delta as unknown as Record<string, unknown[]>)[kind] = list;
  }
  if (changes.days.size) {
    delta.days = [...changes.days].sort().flatMap((d) => (state.days[d] ? [state.days[d]] : []));
  }
  return delta;
}
