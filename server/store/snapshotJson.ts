import type { PictureState } from '../../shared/protocol.js';

/** Keys of the picture that hold entities by id. The fold replaces such an entity, never mutates it. */
const BY_ID: ReadonlySet<string> = new Set(['cells', 'checkpoints', 'teams', 'tasks', 'incidents', 'days']);

/**
 * `JSON.stringify(state)`, the same text, without holding the event loop for it: for 5,000 cells
 * that is ~35–45 ms in one piece, once every `snapshotEvery` events. The tables' entries are
 * taken at the call (so the text is the state of that moment, whatever the fold does after), then
 * stringified `slice` entities at a time with a turn of the event loop between slices. Sound because
 * the fold replaces an entity object when it changes and never mutates one.
 */
type Taken = { key: string; ids: string[]; entities: unknown[] } | { key: string; json: string | undefined };

export async function stringifyInSlices(state: PictureState, slice = 500): Promise<string> {
  const taken = Object.entries(state).map(([key, value]: [string, unknown]): Taken =>
    BY_ID.has(key) && value !== null && typeof value === 'object'
      ? { key, ids: Object.keys(value), entities: Object.values(value) as unknown[] }
      : { key, json: JSON.stringify(value) },
  );
  const parts: string[] = [];
  let done = 0;
  for (const t of taken) {
    if (!('ids' in t)) {
      if (t.json !== undefined) parts.push(`${JSON.stringify(t.key)}:${t.json}`);
      continue;
    }
    const entries: string[] = [];
    for (let i = 0; i < t.ids.length; i++) {
      const json = JSON.stringify(t.entities[i]);
      if (json !== undefined) entries.push(`${JSON.stringify(t.ids[i])}:${json}`);
      if (++done % slice === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    parts.push(`${JSON.stringify(t.key)}:{${entries.join(',')}}`);
  }
  return `{${parts.join(',')}}`;
}
