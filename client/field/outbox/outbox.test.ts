import { afterEach, expect, test } from 'vitest';
import type { CommandOf } from '../../../shared/commands.js';
import type { Ack } from '../../../shared/protocol.js';
import { createMemoryStore } from './memoryStore.js';
import { Outbox, type OutboxTransport } from './outbox.js';
import type { FieldCommand } from './queue.js';

const T0 = Date.UTC(2020, 1, 12, 6);
const outboxes: Outbox[] = [];
afterEach(() => outboxes.splice(0).forEach((o) => o.close()));

/** A link that answers with `answer` while `connected`, and throws (timeout) otherwise. */
function createLink(answer: (name: FieldCommand, payload: { reportId: string }) => Ack = () => ({ ok: true, seq: 1, duplicate: false })) {
  const sent: string[] = [];
  const link: OutboxTransport & { connected: boolean; sent: string[] } = {
    connected: true,
    sent,
    isConnected: () => link.connected,
    async send(name, payload) {
      if (!link.connected) throw new Error('timeout');
      sent.push(payload.reportId);
      return answer(name, payload);
    },
  };
  return link;
}

function setup(link: OutboxTransport, store = createMemoryStore()) {
  const outbox = new Outbox({ store, transport: link, now: () => T0, random: () => 0 });
  outboxes.push(outbox);
  return { outbox, store };
}

const fix = (n: number): CommandOf<'position:report'> => ({ reportId: `position-${n}`, recordedAt: T0 + n * 1000, teamId: 't1', position: [114.3 + n / 1000, 30.6] });
const visit = (n: number): CommandOf<'cell:visit'> => ({ reportId: `visit-000${n}`, recordedAt: T0, cellId: 'c1', teamId: 't1', householdsVisited: n, feverFound: 0, suppliesDelivered: 0 });

test('stores a report before sending it and forgets it once acknowledged', async () => {
  const link = createLink();
  link.connected = false;
  const { outbox, store } = setup(link);
  outbox.setTeam('t1');
  await outbox.add('cell:visit', visit(1), 't1');
  expect([...store.items.keys()]).toEqual(['visit-0001']);
  expect(outbox.getView().pending).toBe(1);

  link.connected = true;
  await outbox.wake();
  expect(link.sent).toEqual(['visit-0001']);
  expect(store.items.size).toBe(0);
  expect(outbox.getView()).toMatchObject({ pending: 0, lastSyncAt: T0 });
});

test('after reconnecting sends the newest position first, then the reports, then the older positions', async () => {
  const link = createLink();
  link.connected = false;
  const { outbox } = setup(link);
  outbox.setTeam('t1');
  for (const n of [1, 2, 3]) await outbox.add('position:report', fix(n), 't1');
  await outbox.add('cell:visit', visit(1), 't1');
  link.connected = true;
  await outbox.wake();
  expect(link.sent).toEqual(['position-3', 'visit-0001', 'position-1', 'position-2']);
});

test('a report refused as invalid is kept as failed with its reason and not sent again', async () => {
  const link = createLink(() => ({ ok: false, error: { code: 'unknown_entity', message: 'no cell c1' } }));
  const { outbox } = setup(link);
  outbox.setTeam('t1');
  await outbox.add('cell:visit', visit(1), 't1');
  await outbox.wake();
  expect(outbox.getView().failed).toMatchObject([{ reportId: 'visit-0001', error: { message: 'no cell c1' } }]);
  expect(outbox.getView().pending).toBe(0);
  await outbox.wake();
  expect(link.sent).toHaveLength(1);
  await outbox.dismiss('visit-0001');
  expect(outbox.getView().items).toEqual([]);
});

test('a page reload picks up what the last page left queued', async () => {
  const link = createLink();
  link.connected = false;
  const first = setup(link);
  first.outbox.setTeam('t1');
  await first.outbox.add('cell:visit', visit(1), 't1');

  link.connected = true;
  const second = setup(link, first.store);
  await second.outbox.load();
  second.outbox.setTeam('t1');
  await second.outbox.wake();
  expect(link.sent).toEqual(['visit-0001']);
});

test('sends nothing for another team', async () => {
  const link = createLink();
  const { outbox } = setup(link);
  outbox.setTeam('t2');
  await outbox.add('cell:visit', visit(1), 't1');
  await outbox.wake();
  expect(link.sent).toEqual([]);
  expect(outbox.getView().pending).toBe(1);
});
