import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { position, rid } from '../../testing/fixtures.js';
import { startTestServer } from '../../testing/liveServer.js';
import { ENTITY_ANSWERS, EntityEventsAnswer, StateAnswer, TimelineAnswer } from './schemas.js';
import { ROUTES } from './routes.js';
import { openApiPath } from './openapi.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

const get = async (path: string) => {
  const res = await server.api(`/api/v1${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};
const json = async (path: string) => {
  const r = await get(path);
  return { status: r.status, body: JSON.parse(r.text) };
};

describe('/api/v1 reads', () => {
  test('answers every list and item with JSON that the schema it is documented with accepts', async () => {
    server = await startTestServer();
    for (const [kind, answers] of Object.entries(ENTITY_ANSWERS)) {
      const list = await json(`/${kind}`);
      expect(list.status, kind).toBe(200);
      answers.list.parse(list.body);
      const first = list.body.items[0];
      if (first) answers.one.parse((await json(`/${kind}/${first.id}`)).body);
    }
    StateAnswer.parse((await json('/state')).body);
    expect((await json('/cells')).body.items).toHaveLength(3);
  });

  test('filters lists and refuses filters a list does not have or values the schema does not allow', async () => {
    server = await startTestServer();
    expect((await json('/cells?district=江岸区')).body.items.map((c: { id: string }) => c.id)).toEqual(['c2']);
    expect((await json('/checkpoints?kind=ring_road')).body.items.map((c: { id: string }) => c.id)).toEqual(['k2']);
    for (const [path, reason] of [
      ['/teams?status=flying', /status/],
      ['/cells?status=open', /Unrecognized key/],
      ['/cells?seq=abc', /seq: must be a whole number/],
      ['/cells?at=yesterday', /at: must be an ISO 8601/],
      ['/cells?at=1581300000', /seconds/],
      ['/cells?seq=1&at=2020-02-10T00:00:00Z', /not both/],
      ['/cells?seq=999', /after the last event \(8\)/],
      ['/entities/planes/x/events', /bad path/],
    ] as const) {
      const r = await json(path);
      expect(r.status, path).toBe(400);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'invalid' } });
      expect(r.body.error.message, path).toMatch(reason);
    }
    expect((await json('/cells/nope')).status).toBe(404);
    expect((await json('/nothing/here')).body.error.message).toMatch(/no such API route/);
  });

  test('answers for a past moment by seq and by time', async () => {
    server = await startTestServer();
    const before = structuredClone(server.ledger.state);
    await new Promise((r) => setTimeout(r, 5));
    const between = Date.now();
    await server.ledger.submit('position:report', position('t1', 114.4, 30.6, Date.now()), 'system:test');
    expect((await json('/teams/t1')).body.item.position).toEqual([114.4, 30.6]);
    expect((await json('/teams/t1?seq=8')).body).toEqual({ seq: 8, item: before.teams.t1 });
    expect((await json(`/state?at=${new Date(between).toISOString()}`)).body.state).toEqual(before);
    const timeline = TimelineAnswer.parse((await json('/timeline?points=10')).body);
    expect(timeline.lastSeq).toBe(9);
  });
});

describe('/api/v1 entity events', () => {
  test('shows an entity’s events newest first, flagging late and out-of-order reports', async () => {
    server = await startTestServer();
    const now = Date.now();
    const submit = (recordedAt: number) => server.ledger.submit('position:report', position('t1', 114.3, 30.6, recordedAt), 'system:test');
    await submit(now - 1000); // seq 9: on time
    await submit(now - 120_000); // seq 10: queued two minutes on the phone, and older than seq 9
    await submit(now - 500); // seq 11: on time
    await server.ledger.submit('task:setStatus', { reportId: rid(), recordedAt: now, taskId: 'task1', status: 'assigned', teamId: 't1' }, 'system:test');
    const { body } = await json('/entities/teams/t1/events?limit=4');
    EntityEventsAnswer.parse(body);
    expect(body.events.map((e: { seq: number; late: boolean; outOfOrder: boolean; type: string }) => [e.seq, e.type, e.late, e.outOfOrder])).toEqual([
      [12, 'task:setStatus', false, false],
      [11, 'position:report', false, false],
      [10, 'position:report', true, true],
      [9, 'position:report', false, false],
    ]);
    expect(body.nextBeforeSeq).toBe(9);
    expect((await json('/entities/teams/t1/events?beforeSeq=9')).body.events.map((e: { seq: number }) => e.seq)).toEqual([6]); // its upsert
    expect((await json('/entities/teams/ghost/events')).status).toBe(404);
  });
});

describe('/api/v1 document', () => {
  test('routes every path of the OpenAPI document, which is generated from the same table', async () => {
    server = await startTestServer();
    const { body: doc } = await json('/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(ROUTES.map((r) => openApiPath(r.path)))].sort());
    expect(doc.components.schemas.Cell.properties.counts).toBeDefined();
    await server.ledger.submit('incident:create', { reportId: rid(), recordedAt: Date.now(), incidentId: 'inc1', kind: 'fever', severity: 'low', position: [114.3, 30.5] }, 'system:test');
    const ids: Record<string, string> = { cells: 'c1', checkpoints: 'k1', teams: 't1', tasks: 'task1', incidents: 'inc1', entities: 'c1' };
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      const examples: Record<string, string> = { '{id}': ids[path.split('/')[1]!]!, '{kind}': 'cells', '{format}': 'csv' };
      const url = `${server.url}/api/v1${path.replace(/\{[a-z]+\}/gi, (p) => examples[p]!)}`;
      for (const method of Object.keys(ops)) {
        const res = await fetch(url, { method: method.toUpperCase(), headers: { 'content-type': 'application/json', ...server.asAdmin }, body: method === 'post' ? '{}' : undefined });
        const text = await res.text();
        expect(text, `${method} ${path}`).not.toMatch(/no such API route/);
        expect(res.status, `${method} ${path}`).toBeLessThan(method === 'post' ? 500 : 300);
      }
    }
  });

  test('serves a docs page listing every endpoint, with no script and nothing from elsewhere', async () => {
    server = await startTestServer();
    const page = await get('/docs');
    expect(page.type).toMatch(/text\/html/);
    for (const r of ROUTES) expect(page.text).toContain(`/api/v1${openApiPath(r.path)}`);
    expect(page.text).not.toMatch(/<script|<style|style=|https?:\/\//);
  });

  test('its list schemas reject what they should, so validating answers with them means something', () => {
    expect(ENTITY_ANSWERS.cells.list.safeParse({ seq: 1, items: [{ id: 'c1' }] }).success).toBe(false);
    expect(z.toJSONSchema(ENTITY_ANSWERS.cells.list)).toMatchObject({ required: ['seq', 'items'] });
  });
});
