import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { Cell } from '../../shared/entities.js';
import { staticOf, type CatalogVariant, type CellCatalog } from '../../shared/catalog.js';
import type { PictureState } from '../../shared/protocol.js';
import { redactCell } from './redact.js';

interface Built {
  version: string;
  /** The cell objects the catalog was built from: a later object with the same static part is no change. */
  from: Map<string, Cell>;
  /** gzipped JSON per variant, built on first request (or by `warm`). */
  bodies: Partial<Record<CatalogVariant, Promise<Buffer>>>;
}

const gzip = promisify(zlib.gzip);

const STATIC_SCALARS = ['districtCode', 'districtName', 'streetCode', 'streetName', 'communityCode', 'communityName', 'population', 'households'] as const;

/** The fold spreads a cell to change its counts, so an unchanged static part keeps its references. */
function sameStatic(a: Cell, b: Cell): boolean {
  return a === b || (a.polygon === b.polygon && a.gridWorker === b.gridWorker && STATIC_SCALARS.every((k) => a[k] === b[k]));
}

/**
 * The cells' static part as a versioned resource (see shared/catalog.ts). The version is a hash of
 * the content, so it survives restarts and a browser's HTTP cache of it is never wrong. Rebuilt only
 * when a change touches a static part (a grid import); bodies are gzipped once per version.
 */
export class CellCatalogCache {
  private built: Built | null = null;
  private dirty = true;

  constructor(private readonly state: () => PictureState) {}

  /** After a tick: notes changed cells; true when the catalog's version changed. */
  noteChanged(ids: Iterable<string>): boolean {
    if (!this.built) return false;
    for (const id of ids) {
      const now = this.state().cells[id];
      const then = this.built.from.get(id);
      if (!now || !then || !sameStatic(now, then)) this.dirty = true;
    }
    if (!this.dirty) return false;
    const before = this.built.version;
    return this.version() !== before;
  }

  version(): string {
    if (this.dirty || !this.built) this.rebuild();
    return this.built!.version;
  }

  /**
   * The gzipped JSON body of this variant at the current version. Compressed on libuv's pool: the
   * ~3 MB of JSON took ~25 ms of the event loop to gzip, in the middle of a join storm.
   */
  body(variant: CatalogVariant): Promise<Buffer> {
    this.version();
    const built = this.built!;
    const body = (built.bodies[variant] ??= gzip(JSON.stringify(this.catalog(variant)), { level: 6 }));
    body.catch(() => built.bodies[variant] === body && delete built.bodies[variant]);
    return body;
  }

  /** Builds both variants' bodies ahead of the first screen asking (at start, after a grid import). */
  warm(): void {
    void this.body('full').catch(() => undefined);
    void this.body('wall').catch(() => undefined);
  }

  catalog(variant: CatalogVariant): CellCatalog {
    const cells = [...this.built!.from.values()].map((c) => staticOf(variant === 'wall' ? redactCell(c) : c));
    return { version: this.version(), cells };
  }

  private rebuild(): void {
    const cells = Object.values(this.state().cells).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const hash = crypto.createHash('sha256');
    for (const c of cells) hash.update(JSON.stringify(staticOf(c)));
    const version = hash.digest('base64url').slice(0, 16);
    const from = new Map(cells.map((c) => [c.id, c]));
    this.built = this.built?.version === version ? { ...this.built, from } : { version, from, bodies: {} };
    this.dirty = false;
  }
}
