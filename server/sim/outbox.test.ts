import { describe, expect, test } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import type { SimCommand } from './commands.js';
import { Outbox } from './outbox.js';

interface Call {
  command: SimCommand;
  resolve: (ack: Ack) => void;
  reject: (err: Error) => void;
}

function createHarness(maxInFlight = 2) {
  const calls: Call[] = [];
  const rejected: string[] = [];
  const outbox = new Outbox({
    transport: (command) => new Promise<Ack>((resolve, reject) => calls.push({ command, resolve, reject })),
    maxInFlight,
    onRejected: (_c, e) => rejected.push(e.message),
  });
  return { outbox, calls, rejected };
}

function visit(id: string, cellId = 'c1'): SimCommand {
  return { name: 'cell:visit', payload: { reportId: id, recordedAt: Date.UTC(2024, 0, 1), cellId, householdsVisited: 1, feverFound: 0 } };
}

const ok: Ack = { ok: true, seq: 1, duplicate: false };
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Outbox', () => {
  test('sends nothing while offline and everything once online', () => {
    const { outbox, calls } = createHarness(10);
    outbox.push(visit('aaaaaaaa'));
    expect(calls).toHaveLength(0);
    outbox.setOnline(true);
    expect(calls.map((c) => c.command.payload.reportId)).toEqual(['aaaaaaaa']);
  });

  test('keeps at most maxInFlight commands unacknowledged', async () => {
    const { outbox, calls } = createHarness(2);
    outbox.setOnline(true);
    for (const id of ['aaaaaaa1', 'aaaaaaa2', 'aaaaaaa3']) outbox.push(visit(id));
    expect(calls).toHaveLength(2);
    calls[0]?.resolve(ok);
    await flush();
    expect(calls).toHaveLength(3);
    expect(outbox.pending).toBe(2);
  });

  test('resends a command that timed out with the same reportId, before newer ones', async () => {
    const { outbox, calls } = createHarness(1);
    outbox.setOnline(true);
    outbox.push(visit('first001'));
    outbox.push(visit('second01'));
    calls[0]?.reject(new Error('operation has timed out'));
    await flush();
    expect(calls.map((c) => c.command.payload.reportId)).toEqual(['first001', 'first001']);
    expect(outbox.stats.retried).toBe(1);
  });

  test('coalesces queued commands with the same key but never touches one in flight', () => {
    const { outbox, calls } = createHarness(1);
    outbox.setOnline(true);
    outbox.push(visit('inflight'), 'cell:c1');
    outbox.push(visit('queued01'), 'cell:c1');
    outbox.push(visit('queued02'), 'cell:c1');
    expect(outbox.pending).toBe(2);
    expect(calls[0]?.command.payload.reportId).toBe('inflight');
  });

  test('reports a rejected ack and moves on', async () => {
    const { outbox, calls, rejected } = createHarness(1);
    outbox.setOnline(true);
    outbox.push(visit('bad00001'));
    outbox.push(visit('good0001'));
    calls[0]?.resolve({ ok: false, error: { code: 'invalid', message: 'nope' } });
    await flush();
    expect(rejected).toEqual(['nope']);
    expect(calls[1]?.command.payload.reportId).toBe('good0001');
  });
});
