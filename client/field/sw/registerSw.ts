/**
 * Registers the field service worker (scope `/field`) and hands it the assets this page loaded, so
 * the lazily loaded chunks are cached too (Vite hashes their names; only the page knows them).
 * Resolves true once the worker has cached them: the page now opens without network.
 */
export async function registerFieldWorker(): Promise<boolean> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return false;
  await navigator.serviceWorker.register('/field-sw.js', { scope: '/field' });
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return false;
  const urls = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && (u.pathname.startsWith('/assets/') || u.pathname.startsWith('/icons/')))
    .map((u) => u.pathname);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<{ ok?: boolean }>) => resolve(e.data.ok === true);
    worker.postMessage({ type: 'precache', urls }, [channel.port2]);
  });
}
