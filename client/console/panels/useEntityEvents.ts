import { useEffect, useState } from 'react';
import type { EntityKind } from '../../../shared/entities.js';
import { useThrottledValue } from '../../charts/useThrottledValue.js';
import { fetchEntityEvents } from '../api.js';
import type { EntityEvent } from '../model/history.js';

/** Live events are refreshed this often while the panel is open. */
const REFRESH_MS = 10_000;

/** Events of one entity; `null` while loading, `'failed'` when the server could not answer. */
export type EventsState = EntityEvent[] | null | 'failed';

/**
 * Recent events of an entity, up to the replayed seq when there is one (so the panel tells the story
 * up to the chosen moment). While playing, the seq moves every tick: refetches are held to one a second.
 */
export function useEntityEvents(kind: EntityKind | null, id: string | null, replaySeq: number | null): EventsState {
  const seq = useThrottledValue(replaySeq, 1000);
  const [state, setState] = useState<{ key: string; events: EventsState }>({ key: '', events: null });
  const key = kind && id ? `${kind}/${id}/${seq ?? 'live'}` : '';
  useEffect(() => {
    if (!kind || !id) return;
    const controller = new AbortController();
    const load = () =>
      fetchEntityEvents(kind, id, { beforeSeq: seq === null ? undefined : seq + 1, signal: controller.signal })
        .then((events) => setState({ key, events }))
        .catch((err: unknown) => {
          if (!controller.signal.aborted) setState({ key, events: 'failed' });
          if (!controller.signal.aborted) console.warn('entity events unavailable', err);
        });
    void load();
    const timer = seq === null ? setInterval(load, REFRESH_MS) : undefined;
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [kind, id, seq, key]);
  // Events of the previous entity are never shown for the new one.
  return state.key.startsWith(kind && id ? `${kind}/${id}/` : '\0') ? state.events : null;
}
