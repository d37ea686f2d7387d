import { setWorkerUrl } from 'maplibre-gl';
// MapLibre 6 finds its worker next to its own module (import.meta.url); after Vite bundles it into
// assets/maplibre-gl-[hash].js that sibling does not exist (404, blank basemap). Ship the worker as an
// asset and point MapLibre at it, as the v5→v6 migration guide asks of bundler users.
// The 6.17 worker is self-contained (maplibre-gl-shared.mjs is empty), so `?url` is enough.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
