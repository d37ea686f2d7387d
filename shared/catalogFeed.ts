import { catalogMap, catalogUrl, expandDelta, expandSnapshot, openSnapshot, type CatalogRef, type CellCatalog, type CellStatic, type PackedSnapshot, type WireDelta } from './catalog.js';
import type { Delta, Snapshot } from './protocol.js';

export interface CatalogFeedOptions {
  /** Fetches a catalog (the client: same-origin with its cookie; programs: with their token). */
  fetchCatalog: (ref: CatalogRef) => Promise<CellCatalog>;
  onSnapshot: (snapshot: Snapshot) => void;
  onDelta: (delta: Delta) => void;
  /** The catalog could not be had: the picture must be fetched again (a new snapshot). */
  onError: (err: unknown) => void;
}

export interface CatalogFeed {
  snapshot(packed: PackedSnapshot): void;
  delta(wire: WireDelta): void;
  /** Resolves once everything received so far has been handed on. */
  idle(): Promise<void>;
}

/**
 * Unpacks snapshots and completes the live stream's cells from the catalog, in arrival order: a snapshot or delta that
 * names a catalog version we do not hold waits for it, and everything after it waits in line. The
 * catalog is fetched once per version. After a failure, deltas are dropped until the next snapshot.
 */
export function createCatalogFeed(opts: CatalogFeedOptions): CatalogFeed {
  let chain: Promise<void> = Promise.resolve();
  let held: CatalogRef | null = null;
  let cells: ReadonlyMap<string, CellStatic> = new Map();
  let broken = false;

  const ensure = async (want: CatalogRef) => {
    if (held && held.version === want.version && held.variant === want.variant) return;
    const catalog = await opts.fetchCatalog(want);
    if (catalog.version !== want.version) throw new Error(`asked for catalog ${want.version}, got ${catalog.version}`);
    cells = catalogMap(catalog);
    held = want;
  };
  const then = (step: () => Promise<void> | void) => {
    chain = chain.then(step).catch((err: unknown) => {
      broken = true;
      opts.onError(err);
    });
  };

  return {
    snapshot(packed) {
      then(async () => {
        const wire = await openSnapshot(packed);
        await ensure(wire.catalog);
        broken = false;
        opts.onSnapshot(expandSnapshot(wire, cells));
      });
    },
    delta(wire) {
      then(async () => {
        if (broken) return;
        if (wire.catalog && held) await ensure({ version: wire.catalog, variant: held.variant });
        opts.onDelta(expandDelta(wire, cells));
      });
    },
    idle: () => chain,
  };
}

/** `fetch` a catalog and check what came back. */
export async function fetchCatalog(base: string, ref: CatalogRef, init: RequestInit = {}): Promise<CellCatalog> {
  const res = await fetch(`${base}${catalogUrl(ref)}`, init);
  if (!res.ok) throw new Error(`catalog ${ref.version}: HTTP ${res.status}`);
  const body = (await res.json()) as CellCatalog;
  if (!Array.isArray(body.cells) || typeof body.version !== 'string') throw new Error('catalog: unexpected answer');
  return body;
}
