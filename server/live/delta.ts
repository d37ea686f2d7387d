import type { EntityKind } from '../../shared/entities.js';
import type { PictureState } from '../../shared/protocol.js';
import { liveOf, type WireDelta } from '../../shared/catalog.js';
import type { Cell } from '../../shared/entities.js';
import type { ChangeSet } from '../state/changes.js';

/**
 * Builds the one message that carries a change set: each changed entity once, in its latest state
 * (cells: their live part; the catalog holds the rest).
 */
export function buildDelta(state: PictureState, changes: ChangeSet, fromSeq: number, toSeq: number, serverTime: number): WireDelta {
  const delta: WireDelta = { fromSeq, toSeq, serverTime };
  if (changes.clock && state.clock) delta.clock = state.clock;
  for (const kind of Object.keys(changes.ids) as EntityKind[]) {
    const ids = changes.ids[kind];
    if (!ids.size) continue;
    const table = state[kind] as Record<string, unknown>;
    const list = [...ids].map((id) => table[id]).filter((e) => e !== undefined);
    if (kind === 'cells') {
      delta.cells = (list as Cell[]).map(liveOf);
      continue;
    }
    (delta as unknown as Record<string, unknown[]>)[kind] = list;
  }
  if (changes.days.size) {
    delta.days = [...changes.days].sort().flatMap((d) => (state.days[d] ? [state.days[d]] : []));
  }
  return delta;
}
