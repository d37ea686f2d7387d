import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Registry } from '../auth/registry.js';
import { createTeam } from '../testing/fixtures.js';
import { runAdmin, type AdminDeps } from './adminCli.js';

let dir: string;
let registry: Registry;
afterEach(() => {
  registry?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function createDeps(teams = [createTeam(), createTeam({ id: 't2', name: '江岸区巡逻一队', kind: 'patrol' })]): AdminDeps {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-admin-'));
  registry = new Registry(path.join(dir, 'registry.sqlite'));
  return { registry, teams: async () => Object.fromEntries(teams.map((t) => [t.id, t])), source: path.join(dir, 'gridcommand.sqlite') };
}
const run = (deps: AdminDeps, line: string) => runAdmin(line.split(' ').filter(Boolean), deps);

describe('admin CLI', () => {
  test('teams lists ids, names and kinds', async () => {
    const r = await run(createDeps(), 'teams');
    expect(r).toEqual({ code: 0, out: ['t1\t武昌区消杀一队\tdisinfection', 't2\t江岸区巡逻一队\tpatrol'], err: [] });
  });

  test('team-code prints a code that signs the team in; team-code-revoke ends it', async () => {
    const deps = createDeps();
    const issued = await run(deps, 'team-code t2');
    expect(issued.code).toBe(0);
    expect(issued.out[0]).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(registry.teamForCode(issued.out[0]!)).toBe('t2');
    expect((await run(deps, 'team-code-revoke t2')).out).toEqual(['Revoked 1 sign-in code(s) of t2 (江岸区巡逻一队).']);
    expect(registry.teamForCode(issued.out[0]!)).toBeNull();
  });

  test('an unknown team is refused with exit 1 and the known ids', async () => {
    const deps = createDeps();
    for (const line of ['team-code t9', 'team-code-revoke t9', 'device add 123456 t9']) {
      const r = await run(deps, line);
      expect(r.code).toBe(1);
      expect(r.err[0]).toBe('Unknown team t9; known teams: t1, t2 (npm run admin -- teams).');
    }
    expect(registry.listDevices()).toEqual([]);
  });

  test('with an empty event log the CLI says to start the server first', async () => {
    const r = await run(createDeps([]), 'team-code t1');
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/has no teams yet: start the server once/);
  });

  test('device add, list and revoke', async () => {
    const deps = createDeps();
    expect((await run(deps, 'device add 123456 t1 --protocol osmand --label Traccar-1')).out).toEqual([
      'Added device 123456 → t1 (武昌区消杀一队), protocol osmand, without a secret.',
    ]);
    await runAdmin(['device', 'add', 'alice/phone', 't2', '--protocol', 'owntracks', '--secret', 'correct-horse'], deps);
    expect(registry.deviceTeam('alice/phone', 'owntracks', 'correct-horse')).toBe('t2');
    const list = await run(deps, 'device list');
    expect(list.out.map((l) => l.split('\t').slice(0, 5))).toEqual([
      ['device', 'team', 'protocol', 'secret', 'label'],
      ['123456', 't1', 'osmand', 'no', 'Traccar-1'],
      ['alice/phone', 't2', 'owntracks', 'yes', 'alice/phone'],
    ]);
    expect((await run(deps, 'device revoke 123456')).code).toBe(0);
    expect(registry.deviceTeam('123456', 'osmand')).toBeNull();
    expect(await run(deps, 'device revoke 123456')).toMatchObject({ code: 1, err: ['No active device 123456.'] });
  });

  test('adding a registered device again moves it and says so', async () => {
    const deps = createDeps();
    await run(deps, 'device add 123456 t1');
    expect((await run(deps, 'device add 123456 t2')).out[0]).toMatch(/^Updated device 123456 → t2/);
    expect(registry.deviceTeam('123456', 'osmand')).toBe('t2');
  });

  test.each([
    ['', /No command given/],
    ['frobnicate', /Unknown command: frobnicate/],
    ['team-code', /team-code takes <teamId>/],
    ['device add 123456', /device add takes <deviceId> <teamId>/],
    ['device add 123456 t1 --protocol gt06', /--protocol must be one of osmand, owntracks, any/],
    ['device add 123456 t1 --protocol osmand --secret longenough', /OsmAnd sends no password/],
    ['device add alice t1 --protocol owntracks', /OwnTracks device ids are <user>\/<device>/],
    ['device add alice/phone t1 --secret short', /--secret must be at least 8 characters/],
    ['device add 123456 t1 --colour red', /Unknown option '--colour'/],
    ['teams --secret abcdefgh', /belong to "device add"/],
  ])('bad usage %j exits 2 with the reason and the usage', async (line, reason) => {
    const deps = createDeps();
    const r = await run(deps, line);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(reason);
    expect(r.err[0]).toContain('Usage: npm run admin');
    expect(registry.listDevices()).toEqual([]);
  });
});
