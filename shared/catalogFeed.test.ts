import { describe, expect, test, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { Cell } from './entities.js';
import { liveOf, staticOf, type CatalogRef, type CellCatalog, type PackedSnapshot } from './catalog.js';
import { createCatalogFeed } from './catalogFeed.js';
import type { Delta, Snapshot } from './protocol.js';
import { emptyState } from './protocol.js';

const cell = (id: string, name: string, confirmed = 0): Cell => ({
  id,
  polygon: [[114.3, 30.5], [114.31, 30.5], [114.31, 30.51], [114.3, 30.5]],
  districtCode: '420106',
  districtName: '武昌区',
  streetCode: '420106001',
  streetName: '积玉桥街道',
  communityCode: '420106001001',
  communityName: name,
  population: 100,
  households: 40,
  gridWorker: { name: '张敏' },
  counts: { confirmed, active: confirmed, cured: 0, deaths: 0, suspected: 0, closeContacts: 0, homeQuarantine: 0, feverToday: 0 },
  risk: 'low',
  lastVisitAt: null,
  updatedAt: 1,
});

function harness(catalogs: Record<string, Cell[]>) {
  const fetched: string[] = [];
  const got: ({ kind: 'snapshot'; s: Snapshot } | { kind: 'delta'; d: Delta })[] = [];
  const errors: unknown[] = [];
  const gates = new Map<string, () => void>();
  const feed = createCatalogFeed({
    fetchCatalog: async (ref: CatalogRef): Promise<CellCatalog> => {
      fetched.push(`${ref.version}/${ref.variant}`);
      await new Promise<void>((resolve) => (gates.has(ref.version) ? gates.set(ref.version, resolve) : resolve()));
      const cells = catalogs[ref.version];
      if (!cells) throw new Error('HTTP 404');
      return { version: ref.version, cells: cells.map(staticOf) };
    },
    onSnapshot: (s) => got.push({ kind: 'snapshot', s }),
    onDelta: (d) => got.push({ kind: 'delta', d }),
    onError: (e) => errors.push(e),
  });
  return { feed, fetched, got, errors, gate: (v: string) => gates.set(v, () => undefined), open: (v: string) => gates.get(v)?.() };
}

/** As the server packs it (server/live/snapshotCache.ts): the state's JSON gzipped, base64. */
const wireSnapshot = (version: string, cells: Cell[], seq = 1): PackedSnapshot => ({
  logId: 'L',
  seq,
  serverTime: 1,
  catalog: { version, variant: 'full' },
  stateGz: gzipSync(JSON.stringify({ ...emptyState(), seq, cells: Object.fromEntries(cells.map((c) => [c.id, liveOf(c)])) })).toString('base64'),
});

describe('catalog feed', () => {
  test('joins live cells with the catalog, fetching each version once, and keeps arrival order while a fetch is pending', async () => {
    const h = harness({ v1: [cell('a', '甲'), cell('b', '乙')] });
    h.gate('v1');
    h.feed.snapshot(wireSnapshot('v1', [cell('a', '甲'), cell('b', '乙')]));
    h.feed.delta({ fromSeq: 1, toSeq: 2, serverTime: 2, cells: [liveOf(cell('a', '甲', 7))] });
    await vi.waitFor(() => expect(h.fetched).toEqual(['v1/full'])); // unpacked, now fetching its catalog
    await new Promise((r) => setTimeout(r, 10));
    expect(h.got).toEqual([]); // the delta waits behind the snapshot's catalog
    h.open('v1');
    await h.feed.idle();
    expect(h.got.map((g) => g.kind)).toEqual(['snapshot', 'delta']);
    const snap = (h.got[0] as { s: Snapshot }).s;
    expect(snap.state.cells.a).toEqual(cell('a', '甲'));
    expect(snap).not.toHaveProperty('catalog');
    expect((h.got[1] as { d: Delta }).d.cells).toEqual([cell('a', '甲', 7)]);
    h.feed.snapshot(wireSnapshot('v1', [cell('a', '甲')], 3));
    await h.feed.idle();
    expect(h.fetched).toEqual(['v1/full']);
  });

  test('a delta naming a new catalog (a grid import) is applied with it', async () => {
    const h = harness({ v1: [cell('a', '甲')], v2: [cell('a', '新甲'), cell('c', '丙')] });
    h.feed.snapshot(wireSnapshot('v1', [cell('a', '甲')]));
    h.feed.delta({ fromSeq: 1, toSeq: 2, serverTime: 2, catalog: 'v2', cells: [liveOf(cell('a', '新甲')), liveOf(cell('c', '丙', 3))] });
    await h.feed.idle();
    expect(h.fetched).toEqual(['v1/full', 'v2/full']);
    expect((h.got[1] as { d: Delta }).d.cells?.map((c) => `${c.id} ${c.communityName} ${c.counts.confirmed}`)).toEqual(['a 新甲 0', 'c 丙 3']);
  });

  test('a catalog that cannot be had is reported once, and later deltas are dropped until a snapshot succeeds', async () => {
    const h = harness({ v1: [cell('a', '甲')] });
    h.feed.snapshot(wireSnapshot('v9', [cell('a', '甲')]));
    h.feed.delta({ fromSeq: 1, toSeq: 2, serverTime: 2, cells: [liveOf(cell('a', '甲', 1))] });
    await h.feed.idle();
    expect(h.errors).toHaveLength(1);
    expect(h.got).toEqual([]);
    h.feed.snapshot(wireSnapshot('v1', [cell('a', '甲')], 5));
    h.feed.delta({ fromSeq: 5, toSeq: 6, serverTime: 2, cells: [liveOf(cell('a', '甲', 1))] });
    await h.feed.idle();
    expect(h.got.map((g) => g.kind)).toEqual(['snapshot', 'delta']);
  });

  test('a snapshot that does not unpack is reported, nothing is handed on, and later deltas wait for a good snapshot', async () => {
    const h = harness({ v1: [cell('a', '甲')] });
    h.feed.snapshot({ ...wireSnapshot('v1', [cell('a', '甲')]), stateGz: 'bm90IGd6aXA=' }); // "not gzip"
    h.feed.delta({ fromSeq: 1, toSeq: 2, serverTime: 2, cells: [liveOf(cell('a', '甲', 1))] });
    await h.feed.idle();
    expect(h.errors).toHaveLength(1);
    expect(h.got).toEqual([]);
    h.feed.snapshot(wireSnapshot('v1', [cell('a', '甲', 4)], 5));
    await h.feed.idle();
    expect(h.got.map((g) => g.kind)).toEqual(['snapshot']);
    expect((h.got[0] as { s: Snapshot }).s.state.cells.a?.counts.confirmed).toBe(4);
  });
});
