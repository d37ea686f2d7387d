import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Registry } from './registry.js';
import { runAdmin } from '../ingest/adminCli.js';

let dir: string;
let registry: Registry;
afterEach(() => {
  registry?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const run = (line: string) => runAdmin(line.split(' ').filter(Boolean), { registry, teams: async () => ({}), source: 'test' });

describe('admin CLI: accounts', () => {
  test('user add prints a generated password that signs in; reset-password replaces it and ends sessions', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-cli-'));
    registry = new Registry(path.join(dir, 'registry.sqlite'));
    const added = await run('user add Chief admin');
    expect(added.code).toBe(0);
    const password = added.out[0]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await registry.accounts.verify('chief', password)).toMatchObject({ username: 'chief', role: 'admin' });
    const session = registry.accounts.openSession('user', 'chief');
    const reset = await run('user reset-password chief');
    expect(reset.code).toBe(0);
    expect(await registry.accounts.verify('chief', password)).toBeNull();
    expect(await registry.accounts.verify('chief', reset.out[0]!)).not.toBeNull();
    expect(registry.accounts.session(session)).toBeNull();
    expect((await run('user list')).out).toEqual(['chief\tadmin\tactive\tchief']);
    expect(registry.audit.list(10).map((a) => `${a.actor} ${a.action}`)).toEqual(['system:cli user.update', 'system:cli user.create']);
  });

  test('bad input is refused with usage and changes nothing; a wall token is printed once and resolves', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-cli-'));
    registry = new Registry(path.join(dir, 'registry.sqlite'));
    for (const line of ['user add x admin', 'user add chief superuser', 'user add chief', 'user reset-password nobody', 'wall-token']) {
      const r = await run(line);
      expect(r.code, line).toBeGreaterThan(0);
      expect(r.out, line).toEqual([]);
    }
    expect(registry.accounts.count()).toBe(0);
    const wall = await run('wall-token 指挥中心 1 号屏');
    expect(registry.tokens.resolve(wall.out[0]!)).toMatchObject({ kind: 'wall', role: 'wall', label: '指挥中心 1 号屏' });
  });
});
