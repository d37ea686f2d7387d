import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';

const PMTILES = 'pmtiles://';

/**
 * Resolves one URL against `base`, keeping `{z}`-style placeholders intact (WHATWG URL would
 * percent-encode the braces). Absolute URLs and `data:`/`blob:` URLs come back unchanged.
 */
export function resolveUrl(url: string, base: string): string {
  if (url.startsWith(PMTILES)) return PMTILES + resolveUrl(url.slice(PMTILES.length), base);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const tokens: string[] = [];
  const masked = url.replace(/\{[^}]*\}/g, (m) => `__ph${tokens.push(m) - 1}__`);
  return new URL(masked, base).href.replace(/__ph(\d+)__/g, (_m, i: string) => tokens[Number(i)]!);
}

function absolutizeSource(s: SourceSpecification, base: string): SourceSpecification {
  const r = (u: string) => resolveUrl(u, base);
  switch (s.type) {
    case 'geojson':
      return typeof s.data === 'string' ? { ...s, data: r(s.data) } : s;
    case 'vector':
    case 'raster':
    case 'raster-dem':
      return { ...s, ...(s.url ? { url: r(s.url) } : {}), ...(s.tiles ? { tiles: s.tiles.map(r) } : {}) };
    default:
      return s;
  }
}

/**
 * Makes every URL in a style absolute. The server keeps its URLs root-relative (`/basemap/...`) so the
 * same style works behind any host, port or proxy; MapLibre loads tiles in workers and the pmtiles
 * protocol fetches by URL, neither of which resolves relative URLs against the page. `base` should be
 * the URL the style was fetched from (after redirects), so a user style's relative URLs work too.
 */
export function absolutizeStyle(style: StyleSpecification, base: string): StyleSpecification {
  const sources = Object.fromEntries(Object.entries(style.sources).map(([id, s]) => [id, absolutizeSource(s, base)]));
  const sprite = typeof style.sprite === 'string'
    ? resolveUrl(style.sprite, base)
    : style.sprite?.map((s) => ({ ...s, url: resolveUrl(s.url, base) }));
  return {
    ...style,
    sources,
    ...(style.glyphs ? { glyphs: resolveUrl(style.glyphs, base) } : {}),
    ...(sprite ? { sprite } : {}),
  };
}

/** True when a source is read through the `pmtiles://` protocol, which must then be registered. */
export function usesPmtiles(style: StyleSpecification): boolean {
  return Object.values(style.sources).some((s) => 'url' in s && typeof s.url === 'string' && s.url.startsWith(PMTILES));
}
