import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { PictureStore, type LiveView } from './pictureStore.js';
import { connectLive } from './socket.js';
import { throttle } from './throttle.js';

/** Options of `useLivePicture`. */
export interface LivePictureOptions {
  /** Device label sent in the handshake. @default 'wall' */
  device?: string;
  /** Longest React re-render rate, however fast deltas arrive. @default 250 */
  renderEveryMs?: number;
}

/**
 * The live picture, its link status and the time of the last message.
 * Deltas are folded in as they arrive; React sees the result at most every `renderEveryMs`,
 * so a page does not re-render 20 times a second during a burst.
 */
export function useLivePicture(options: LivePictureOptions = {}): LiveView {
  const { device = 'wall', renderEveryMs = 250 } = options;
  const [store] = useState(() => new PictureStore());

  useEffect(() => {
    const connection = connectLive(store, { device });
    return () => connection.close();
  }, [store, device]);

  const subscribe = useMemo(
    () => (onChange: () => void) => {
      const throttled = throttle(onChange, renderEveryMs);
      const unsubscribe = store.subscribe(throttled);
      return () => {
        unsubscribe();
        throttled.cancel();
      };
    },
    [store, renderEveryMs],
  );
  return useSyncExternalStore(subscribe, store.getView);
}
