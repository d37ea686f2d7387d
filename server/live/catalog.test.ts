import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { emptyState, type PictureState } from '../../shared/protocol.js';
import type { CellCatalog } from '../../shared/catalog.js';
import { createSeed } from '../testing/fixtures.js';
import { CellCatalogCache } from './catalog.js';
import { HIDDEN } from './redact.js';

function createState(): PictureState {
  const state = emptyState();
  for (const c of createSeed().cells) state.cells[c.id] = c;
  return state;
}
const read = (gz: Buffer) => JSON.parse(zlib.gunzipSync(gz).toString()) as CellCatalog;

describe('the cell catalog', () => {
  test('is versioned by content: the same grid gives the same version in another process, live changes do not move it', () => {
    const a = createState();
    const b = structuredClone(a);
    const ca = new CellCatalogCache(() => a);
    const cb = new CellCatalogCache(() => b);
    expect(ca.version()).toMatch(/^[\w-]{16}$/);
    expect(cb.version()).toBe(ca.version());
    const before = ca.version();
    a.cells.c1 = { ...a.cells.c1!, counts: { ...a.cells.c1!.counts, confirmed: 99 }, risk: 'high', lastVisitAt: 5, updatedAt: 6 };
    expect(ca.noteChanged(['c1'])).toBe(false);
    expect(ca.version()).toBe(before);
  });

  test('a changed outline, name or grid worker, an added or removed cell gives a new version and new bodies', async () => {
    const state = createState();
    const cache = new CellCatalogCache(() => state);
    const v1 = cache.version();
    const body1 = read(await cache.body('full'));
    expect(body1.version).toBe(v1);
    expect(body1.cells.map((c) => c.id).sort()).toEqual(Object.keys(state.cells).sort());
    expect(body1.cells[0]).not.toHaveProperty('counts');
    state.cells.c1 = { ...state.cells.c1!, communityName: '新社区' };
    expect(cache.noteChanged(['c1'])).toBe(true);
    const v2 = cache.version();
    expect(v2).not.toBe(v1);
    expect(read(await cache.body('full')).cells.find((c) => c.id === 'c1')?.communityName).toBe('新社区');
    // Re-importing identical content (new objects, same values) keeps the version.
    state.cells.c2 = structuredClone(state.cells.c2!);
    expect(cache.noteChanged(['c2'])).toBe(false);
    expect(cache.version()).toBe(v2);
    delete state.cells.c3;
    expect(cache.noteChanged(['c3'])).toBe(true);
    expect(read(await cache.body('full')).cells.map((c) => c.id)).not.toContain('c3');
  });

  test('the wall variant names no grid worker and keeps every outline', async () => {
    const state = createState();
    const cache = new CellCatalogCache(() => state);
    const full = read(await cache.body('full'));
    const wall = read(await cache.body('wall'));
    expect(wall.version).toBe(full.version);
    expect(wall.cells.map((c) => c.gridWorker)).toEqual(full.cells.map(() => ({ name: HIDDEN })));
    expect(wall.cells.map((c) => c.polygon)).toEqual(full.cells.map((c) => c.polygon));
  });
});
