import { afterEach, describe, expect, test } from 'vitest';
import { rid } from '../../testing/fixtures.js';
import { startTestServer } from '../../testing/liveServer.js';
import { BOM, parseCsv } from '../../exchange/csv.js';
import { FeatureCollection, ImportAnswer } from './schemas.js';

const servers: Awaited<ReturnType<typeof startTestServer>>[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});
async function start() {
  const s = await startTestServer();
  servers.push(s);
  return s;
}

const ring = (lng: number) => [[lng, 30.5], [lng + 0.01, 30.5], [lng + 0.01, 30.51], [lng, 30.5]];
const official = (id: string, over: object = {}) => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring(114.2)] },
  properties: { 网格编号: id, 区县代码: '420111', 区: '洪山区', 街道代码: '420111002', 街道: '珞南街道', 社区代码: '420111002003', 社区: '珞珈山社区', 人口: 3100, 户数: 1200, 网格员: '张敏', ...over },
});
const importTo = (s: { api: (path: string, init?: RequestInit) => Promise<Response> }, features: unknown[], query = '') =>
  s.api(`/api/v1/import/cells${query}`, { method: 'POST', headers: { 'content-type': 'application/geo+json' }, body: JSON.stringify({ type: 'FeatureCollection', features }) });

describe('/api/v1 export and import', () => {
  test('cells exported as GeoJSON import into another server as the same cells', async () => {
    const a = await start();
    expect((await importTo(a, [official('HS-1'), official('HS-2', { 网格员: '陈,"老"师' })], '?source=hongshan')).status).toBe(200);
    const exported = await (await a.api(`/api/v1/export/cells.geojson`)).json();
    FeatureCollection.parse(exported);
    expect(exported.features[3].geometry.coordinates[0]).toEqual(ring(114.2));

    const b = await start();
    const res = await importTo(b, exported.features);
    expect(ImportAnswer.parse(await res.json())).toMatchObject({ accepted: 5, rejected: [] });
    const strip = (cells: Record<string, object>) => Object.values(cells).map((c) => ({ ...c, updatedAt: 0 }));
    expect(strip(b.ledger.state.cells)).toEqual(strip(a.ledger.state.cells));
    const imported = [];
    for await (const e of a.store.readEvents(8)) imported.push(e);
    expect(imported.map((e) => [e.type, e.actor])).toEqual([['cell:upserted', 'import:hongshan'], ['cell:upserted', 'import:hongshan']]);
  });

  test('a file with no valid feature is refused with every reason and writes nothing; a dry run writes nothing either', async () => {
    const s = await start();
    const bad = [official('X1', { 区县代码: '42' }), { type: 'Feature', geometry: null, properties: { id: 'X2' } }, official('bad id!')];
    const res = await importTo(s, bad);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid' }, accepted: 0 });
    expect(body.rejected.map((r: { index: number; id?: string }) => [r.index, r.id])).toEqual([[0, 'X1'], [1, 'X2'], [2, 'bad id!']]);
    expect(body.rejected[0].reasons.join()).toMatch(/districtCode/);
    expect(body.rejected[1].reasons.join()).toMatch(/Polygon or MultiPolygon/);
    const dry = await (await importTo(s, [official('OK-1'), ...bad], '?dryRun=1')).json();
    expect(dry).toMatchObject({ accepted: 1, dryRun: true, seqs: [] });
    expect((await importTo(s, [], '')).status).toBe(400);
    const notGeo = await s.api(`/api/v1/import/cells`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"Feature"}' });
    expect((await notGeo.json()).error.message).toMatch(/FeatureCollection/);
    expect(await s.store.lastSeq()).toBe(8);
  });

  test('writes only the valid features of a mixed file', async () => {
    const s = await start();
    const body = await (await importTo(s, [official('OK-1'), official('X1', { 人口: -5 })])).json();
    expect(body).toMatchObject({ accepted: 1, seqs: [9], rejected: [{ index: 1, id: 'X1' }] });
    expect(Object.keys(s.ledger.state.cells)).toContain('OK-1');
    expect(await s.store.lastSeq()).toBe(9);
  });

  test('exports CSV with a BOM, Chinese intact and awkward text quoted, now and at a past seq', async () => {
    const s = await start();
    await importTo(s, [official('HS-9', { 社区: '珞珈山社区, "东区"\n二期' })]);
    const res = await s.api(`/api/v1/export/cells.csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    const community = header!.indexOf('communityName');
    expect(rows.map((r) => r[community])).toEqual(['和平社区', '和平社区', '和平社区', '珞珈山社区, "东区"\n二期']);
    expect(header).toContain('counts.confirmed');
    const past = parseCsv(await (await s.api(`/api/v1/export/cells.csv?seq=8`)).text());
    expect(past).toHaveLength(4);
  });

  test('streams events of a time range as CSV and pages them as JSON; refuses a bad range', async () => {
    const s = await start();
    await new Promise((r) => setTimeout(r, 5)); // after the seeding events
    const from = Date.now();
    const note = '发热, 体温 "38.5"\n已上报';
    await s.ledger.submit('incident:create', { reportId: rid(), recordedAt: Date.now(), incidentId: 'i1', kind: 'fever', severity: 'high', position: [114.3, 30.5], note }, 'system:test');
    const to = Date.now() + 1000;
    const bytes = await (await s.api(`/api/v1/events?from=${from}&to=${to}&format=csv`)).arrayBuffer();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes); // fetch's text() would drop the BOM
    expect(text.startsWith(BOM)).toBe(true);
    const [header, row, ...rest] = parseCsv(text);
    expect(header).toEqual(['seq', 'type', 'actor', 'reportId', 'deviceTime', 'serverTime', 'data']);
    expect(rest).toEqual([]);
    expect(row!.slice(0, 3)).toEqual(['9', 'incident:create', 'system:test']);
    expect(row![5]).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(JSON.parse(row![6]!).note).toBe(note);
    const page = await (await s.api(`/api/v1/events?from=${new Date(from).toISOString()}&to=${to}&limit=1`)).json();
    expect(page).toMatchObject({ events: [{ seq: 9 }], nextAfterSeq: 9 });
    for (const q of [`from=${to}&to=${from}`, `from=${from - 40 * 86_400_000}&to=${to}`, 'limit=0', 'format=xml']) {
      const res = await s.api(`/api/v1/events?${q}`);
      expect(res.status, q).toBe(400);
    }
  });
});
