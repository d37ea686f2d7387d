import { useEffect, useState } from 'react';
import { registerFieldWorker } from './sw/registerSw.js';

/** True once the service worker has cached this page and its chunks (production builds only). */
export function useOfflineReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // The dev server's modules are not hashed chunks; caching them would only confuse development.
    if (!import.meta.env.PROD) return;
    let live = true;
    registerFieldWorker().then(
      (ok) => live && setReady(ok),
      () => live && setReady(false),
    );
    return () => void (live = false);
  }, []);
  return ready;
}
