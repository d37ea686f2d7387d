import { afterEach, describe, expect, test } from 'vitest';
import pino from 'pino';
import { startTestServer } from '../testing/liveServer.js';
import { createIngestRouters } from '../ingest/ingest.js';
import { createLogger } from '../log.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => server?.stop());

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('secrets stay out of the logs', () => {
  test('passwords, tokens, codes and cookies used or refused on every path never reach a log line, even at trace level', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
    server = await startTestServer({ log, routers: ({ ledger, registry }) => createIngestRouters({ ledger, registry, log }) });
    const secrets = ['a very secret password', 'wrong but secret password'];
    await server.registry.accounts.create({ username: 'liwei', displayName: '李', role: 'commander', password: secrets[0]! });
    const signedIn = await post(`${server.url}/api/auth/session`, { username: 'liwei', password: secrets[0] });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    secrets.push(cookie.split('=')[1]!);
    await post(`${server.url}/api/auth/session`, { username: 'liwei', password: secrets[1] });
    const { token } = (await (await server.api('/api/admin/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'wall', label: 'w' }) })).json()) as { token: string };
    secrets.push(token);
    await post(`${server.url}/api/auth/wall`, { token });
    await post(`${server.url}/api/auth/wall`, { token: 'gct_guessed-token-that-is-long-enough' });
    secrets.push('gct_guessed-token-that-is-long-enough');
    const code = server.registry.issueTeamCode('t1');
    secrets.push(code);
    await post(`${server.url}/api/field/session`, { code });
    server.registry.registerDevice({ deviceId: 'alice/phone', teamId: 't1', protocol: 'owntracks', secret: 'tracker secret 42' });
    secrets.push('tracker secret 42');
    const basic = (pw: string) => ({ authorization: `Basic ${Buffer.from(`alice:${pw}`).toString('base64')}` });
    await post(`${server.url}/ingest/owntracks`, { _type: 'location', lat: 30.5, lon: 114.3, tst: Math.floor(Date.now() / 1000) }, basic('tracker secret 42'));
    await post(`${server.url}/ingest/owntracks`, { _type: 'location', lat: 30.5, lon: 114.3, tst: Math.floor(Date.now() / 1000) }, basic('not the secret 43'));
    secrets.push('not the secret 43');
    const socket = await server.client({}, cookie);
    await new Promise((resolve) => (socket.emit as (...a: unknown[]) => void)('incident:create', { bad: 'payload' }, resolve));
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    for (const secret of secrets) expect(all, `a log line holds ${secret.slice(0, 6)}…`).not.toContain(secret);
  });

  test('the production logger redacts credentials wherever they appear in logged objects', () => {
    const lines: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      const log = createLogger('info');
      log.info({ req: { headers: { authorization: 'Bearer s3cret-a', cookie: 'gc_session=s3cret-b' } }, body: { password: 's3cret-c', token: 's3cret-d', code: 's3cret-e' } }, 'request');
      log.flush();
    } finally {
      process.stdout.write = original;
    }
    const all = lines.join('');
    expect(all).toContain('request');
    for (const s of ['s3cret-a', 's3cret-b', 's3cret-c', 's3cret-d', 's3cret-e']) expect(all).not.toContain(s);
  });
});
