import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** Origins of a user-configured basemap (style, tiles), which the page must be allowed to fetch. */
export function basemapOrigins(urls: (string | undefined)[]): string[] {
  const origins = new Set<string>();
  for (const u of urls) {
    if (!u) continue;
    try {
      // Tile templates hold {z}/{x}/{y} and maybe {s}: only the origin matters here.
      const origin = new URL(u.replace(/\{[a-z]\}/g, '0')).origin;
      if (origin !== 'null') origins.add(origin);
    } catch {
      // config validation already refused malformed URLs
    }
  }
  return [...origins];
}

/**
 * Security headers with a strict Content-Security-Policy: scripts only from this origin (no inline
 * script, no eval), connections only to this origin plus a configured basemap. Workers come from
 * our own built files; MapLibre and deck.gl need `blob:` for images and worker bootstraps.
 */
export function securityHeaders(extraOrigins: string[] = []): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...extraOrigins],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...extraOrigins],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false, // served over plain http on a LAN; a TLS proxy sets HSTS
  });
}
