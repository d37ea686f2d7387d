import { afterEach, describe, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { EntityId } from '../../shared/entities.js';
import { rid } from '../testing/fixtures.js';
import { startTestServer } from '../testing/liveServer.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

const RESERVED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

describe('ids that a plain object already answers to (found by the fuzz test)', () => {
  test('are not ids', () => {
    for (const id of RESERVED) expect(EntityId.safeParse(id).success, id).toBe(false);
    expect(EntityId.safeParse('constructor-1').success).toBe(true);
  });

  test('a field team naming one is refused, nothing is written, and the server keeps folding', async () => {
    server = await startTestServer();
    const phone = await server.client({ role: 'field' }, await server.signIn('t1'));
    const send = (name: string, payload: object) => new Promise<Ack>((resolve) => (phone.emit as (...a: unknown[]) => void)(name, payload, resolve));
    const seq = server.ledger.state.seq;
    for (const id of RESERVED) {
      const incident = await send('incident:create', { reportId: rid(), recordedAt: Date.now(), incidentId: `i-${rid()}`, kind: 'other', severity: 'low', position: [114.3, 30.5], teamId: 't1', checkpointId: id });
      expect(incident, id).toMatchObject({ ok: false, error: { code: 'invalid' } });
      const visit = await send('cell:visit', { reportId: rid(), recordedAt: Date.now(), cellId: id, teamId: 't1', householdsVisited: 1, feverFound: 0 });
      expect(visit, id).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(server.ledger.state.seq).toBe(seq);
    expect(await server.store.lastSeq()).toBe(seq);
    expect(await send('cell:visit', { reportId: rid(), recordedAt: Date.now(), cellId: 'c1', teamId: 't1', householdsVisited: 1, feverFound: 0 })).toMatchObject({ ok: true });
  });

  test('the API and the admin routes do not find them', async () => {
    server = await startTestServer();
    for (const id of RESERVED.filter((i) => i !== '__proto__')) {
      expect((await server.api(`/api/v1/teams/${id}`)).status, id).toBeGreaterThanOrEqual(400);
      expect((await server.api(`/api/v1/entities/teams/${id}/events`)).status, id).toBeGreaterThanOrEqual(400);
      expect((await server.api(`/api/admin/teams/${id}/code`, { method: 'POST' })).status, id).toBe(404);
      const token = await server.api('/api/admin/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'device', label: 'x', teamId: id }) });
      expect(token.status, id).toBe(400);
    }
    expect(server.registry.tokens.list().filter((t) => t.kind === 'device')).toEqual([]);
  });
});
