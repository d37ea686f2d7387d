import { afterEach, describe, expect, test } from 'vitest';
import type { CellCatalog, WireDelta, WireSnapshot } from '../../shared/catalog.js';
import { startTestServer } from '../testing/liveServer.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

const ring = [[114.2, 30.5], [114.21, 30.5], [114.21, 30.51], [114.2, 30.5]];
const feature = (id: string) => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: { 网格编号: id, 区县代码: '420111', 区: '洪山区', 街道代码: '420111002', 街道: '珞南街道', 社区代码: '420111002003', 社区: '珞珈山社区', 人口: 3100, 户数: 1200, 网格员: '张敏' },
});

describe('the catalog over the live path', () => {
  test('a grid import names a new catalog in the next delta; the old version is gone, the new one has the cell; gzip and caching headers', async () => {
    server = await startTestServer();
    const wall = await server.client();
    await server.tick();
    const snap = wall.received[0]!.msg as WireSnapshot;
    const url = (v: string) => `/api/live/catalog/${v}/full.json`;
    const first = await server.api(url(snap.catalog.version), { headers: { 'accept-encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('cache-control')).toMatch(/immutable/);
    expect(((await first.json()) as CellCatalog).cells.map((c) => c.id)).toEqual(expect.arrayContaining(Object.keys(snap.state.cells)));
    const imported = await server.api('/api/v1/import/cells?source=test', { method: 'POST', headers: { 'content-type': 'application/geo+json' }, body: JSON.stringify({ type: 'FeatureCollection', features: [feature('HS-9')] }) });
    expect(imported.status).toBe(200);
    await server.tick();
    const delta = wall.received.at(-1)!.msg as WireDelta;
    expect(delta.catalog).toBeDefined();
    expect(delta.catalog).not.toBe(snap.catalog.version);
    const newCell = delta.cells?.find((c) => !(c.id in snap.state.cells));
    expect(newCell).toBeDefined();
    expect(newCell).not.toHaveProperty('polygon');
    expect((await server.api(url(snap.catalog.version))).status).toBe(404);
    const next = (await (await server.api(url(delta.catalog!))).json()) as CellCatalog;
    expect(next.cells.find((c) => c.id === newCell!.id)?.communityName).toBe('珞珈山社区');
    expect((await fetch(`${server.url}${url(delta.catalog!)}`)).status).toBe(401);
  });
});
