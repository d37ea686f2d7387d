import { afterEach, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newTeamCode, Registry } from './registry.js';

const dirs: string[] = [];
function createRegistry(now = () => 1_700_000_000_000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-reg-'));
  dirs.push(dir);
  return { reg: new Registry(path.join(dir, 'registry.sqlite'), now), file: path.join(dir, 'registry.sqlite') };
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('registry', () => {
  test('team codes avoid look-alike characters and resolve case- and dash-insensitively', () => {
    const code = newTeamCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const { reg } = createRegistry();
    const issued = reg.issueTeamCode('t1');
    expect(reg.teamForCode(issued)).toBe('t1');
    expect(reg.teamForCode(issued.toLowerCase().replace('-', ' '))).toBe('t1');
    expect(reg.teamForCode('AAAAA-AAAAA')).toBeNull();
    reg.revokeTeamCodes('t1');
    expect(reg.teamForCode(issued)).toBeNull();
  });

  test('stores only hashes of codes, tokens and device secrets', () => {
    const { reg, file } = createRegistry();
    const code = reg.issueTeamCode('t1');
    const token = reg.createSession('t1');
    reg.registerDevice({ deviceId: 'phone-1', teamId: 't1', secret: 'hunter2-very-secret' });
    reg.close();
    const raw = fs.readFileSync(file).toString('latin1') + (fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`).toString('latin1') : '');
    for (const secret of [code, code.replace('-', ''), token, 'hunter2-very-secret']) expect(raw).not.toContain(secret);
  });

  test('sessions expire', () => {
    let t = 1_700_000_000_000;
    const { reg } = createRegistry(() => t);
    const token = reg.createSession('t2', 1000);
    expect(reg.teamForSession(token)).toBe('t2');
    t += 1001;
    expect(reg.teamForSession(token)).toBeNull();
  });

  test('devices resolve to their team only with the right protocol and secret, and not after revocation', () => {
    const { reg } = createRegistry();
    reg.registerDevice({ deviceId: '867530900', teamId: 't1', protocol: 'osmand' });
    reg.registerDevice({ deviceId: 'wang/phone', teamId: 't2', protocol: 'owntracks', secret: 's3cret-pass' });
    expect(reg.deviceTeam('867530900', 'osmand')).toBe('t1');
    expect(reg.deviceTeam('867530900', 'owntracks')).toBeNull();
    expect(reg.deviceTeam('wang/phone', 'owntracks', 's3cret-pass')).toBe('t2');
    expect(reg.deviceTeam('wang/phone', 'owntracks', 'wrong')).toBeNull();
    expect(reg.deviceTeam('wang/phone', 'owntracks')).toBeNull();
    expect(reg.deviceTeam('unknown', 'osmand')).toBeNull();
    expect(reg.listDevices().map((d) => [d.deviceId, d.hasSecret])).toEqual([['867530900', false], ['wang/phone', true]]);
    expect(reg.revokeDevice('867530900')).toBe(true);
    expect(reg.deviceTeam('867530900', 'osmand')).toBeNull();
  });
});
