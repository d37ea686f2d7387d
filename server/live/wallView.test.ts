import { afterEach, describe, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import type { CellCatalog, WireDelta as Delta, WireSnapshot as Snapshot } from '../../shared/catalog.js';
import { rid } from '../testing/fixtures.js';
import { startTestServer, type TestClient } from '../testing/liveServer.js';
import { HIDDEN } from './redact.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

const send = (socket: TestClient, name: string, payload: unknown) => new Promise<Ack>((resolve) => (socket.emit as (...a: unknown[]) => void)(name, payload, resolve));
const NOTE = '<b>张三</b> 13912345678 未持通行证冲卡';

describe('a wall gets the aggregate picture over the same live path', () => {
  test('snapshot, delta and reconnect catch-up reach a wall without grid workers or field notes; a commander gets them', async () => {
    server = await startTestServer();
    const wallToken = server.registry.tokens.issue({ kind: 'wall', label: 'wall', createdBy: 'test' }).token;
    const wall = await server.client({ token: wallToken });
    const commander = await server.client();
    await server.tick();
    const wallSnap = wall.received[0]?.msg as Snapshot;
    const fullSnap = commander.received[0]?.msg as Snapshot;
    expect(wallSnap.catalog).toEqual({ version: fullSnap.catalog.version, variant: 'wall' });
    expect(fullSnap.catalog.variant).toBe('full');
    expect(Object.keys(wallSnap.state.cells)).toEqual(Object.keys(fullSnap.state.cells));
    const catalog = async (variant: string, headers: Record<string, string>) => {
      const res = await fetch(`${server.url}/api/live/catalog/${fullSnap.catalog.version}/${variant}.json`, { headers });
      return { status: res.status, body: res.ok ? ((await res.json()) as CellCatalog) : null };
    };
    const wallAuth = { authorization: `Bearer ${wallToken}` };
    const full = await catalog('full', server.asCommander);
    expect(full.body?.cells.find((c) => c.id === 'c1')?.gridWorker.name).not.toBe(HIDDEN);
    expect((await catalog('full', wallAuth)).status).toBe(403);
    const wallCatalog = await catalog('wall', wallAuth);
    expect(wallCatalog.body?.cells.map((c) => c.gridWorker)).toEqual(full.body?.cells.map(() => ({ name: HIDDEN })));
    expect(wallCatalog.body?.cells.map((c) => c.polygon)).toEqual(full.body?.cells.map((c) => c.polygon));

    const ack = await send(commander, 'incident:create', { reportId: rid(), recordedAt: Date.now(), incidentId: 'inc9', kind: 'forced_passage', severity: 'high', position: [114.3, 30.5], note: NOTE });
    expect(ack.ok).toBe(true);
    await server.tick();
    const wallDelta = wall.received.at(-1)?.msg as Delta;
    const fullDelta = commander.received.at(-1)?.msg as Delta;
    expect(fullDelta.incidents?.[0]?.note).toBe(NOTE);
    expect(wallDelta).toMatchObject({ fromSeq: fullDelta.fromSeq, toSeq: fullDelta.toSeq });
    expect(wallDelta.incidents?.[0]).toMatchObject({ id: 'inc9', kind: 'forced_passage', severity: 'high', note: '' });

    const again = await server.client({ token: wallToken, lastSeq: wallSnap.seq, logId: wallSnap.logId });
    await server.tick();
    const catchUp = again.received[0];
    expect(catchUp?.kind).toBe('delta');
    expect(JSON.stringify(catchUp?.msg)).not.toContain('13912345678');
    expect(JSON.stringify(wall.received)).not.toContain('13912345678');
    const overHttp = await (await fetch(`${server.url}/api/snapshot`, { headers: { authorization: `Bearer ${wallToken}` } })).text();
    expect(overHttp).toContain('"inc9"');
    expect(overHttp).not.toContain('13912345678');
  });
});
