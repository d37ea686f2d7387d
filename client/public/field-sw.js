/* GridCommand field service worker (scope /field): the field page opens with no network after the
   first visit. Reports never pass through here: /api and /socket.io are left to the network, and the
   page's outbox (IndexedDB) keeps reports until the server acknowledges them. */
/* global self, caches, fetch, URL, setTimeout, clearTimeout */

const SHELL = 'gc-field-shell-v1';
const ASSETS = 'gc-field-assets-v1';
const PAGE = '/field';
/** On a weak signal wait this long for a fresh page before opening the cached one. */
const NAVIGATION_TIMEOUT_MS = 4000;
const STATIC = ['/field.webmanifest', '/icons/field.svg', '/icons/field-192.png', '/icons/field-512.png', '/icons/field-maskable-512.png'];

/** Same-origin asset paths named by the page's HTML (the entry script and styles). */
function assetsIn(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

async function precachePage() {
  const response = await fetch(PAGE, { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET ${PAGE}: ${response.status}`);
  const html = await response.clone().text();
  await (await caches.open(SHELL)).put(PAGE, response);
  const assets = await caches.open(ASSETS);
  await assets.addAll([...assetsIn(html), ...STATIC]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precachePage().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  const keep = new Set([SHELL, ASSETS]);
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('gc-field-') && !keep.has(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** The page sends the chunks it loaded (lazy chunks are not in the HTML); answers once they are cached. */
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'precache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && (u.startsWith('/assets/') || u.startsWith('/icons/')));
  const reply = (ok) => event.ports[0] && event.ports[0].postMessage({ ok });
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => Promise.all(urls.map((u) => cache.match(u).then((hit) => hit || cache.add(u)))))
      .then(() => reply(true), () => reply(false)),
  );
});

/** Network first with a deadline, so a fresh deploy wins when there is signal; the cached page otherwise. */
async function navigate(request) {
  const cache = await caches.open(SHELL);
  let timer;
  const deadline = new Promise((resolve) => (timer = setTimeout(resolve, NAVIGATION_TIMEOUT_MS)));
  const network = fetch(request).then(async (response) => {
    if (!response.ok) return (await cache.match(PAGE)) || response;
    await cache.put(PAGE, response.clone());
    return response;
  });
  try {
    const first = await Promise.race([network.catch(() => undefined), deadline]);
    if (first) return first;
    return (await cache.match(PAGE)) || (await network);
  } finally {
    clearTimeout(timer);
  }
}

/** Hashed assets never change: cache first, and cache what the page fetches later (cache-on-fetch). */
async function asset(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) return; // never cached
  if (request.mode === 'navigate') {
    if (url.pathname === PAGE || url.pathname === `${PAGE}/`) event.respondWith(navigate(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/') || STATIC.includes(url.pathname)) {
    event.respondWith(asset(request));
  }
});
