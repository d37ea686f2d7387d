import { expect, test } from 'vitest';
import type { Snapshot } from '../../../shared/protocol.js';
import { createSnapshot, createTeam } from '../../state/fixtures.js';
import { applySnapshot } from '../../state/picture.js';
import { continueTrails, createPastLoader } from './pastPicture.js';

const at = (seq: number, x: number) => applySnapshot(createSnapshot(seq, { teams: [createTeam('a', { position: [x, 30] })] }));

test('builds trails from the pictures shown while replaying forward', () => {
  const shown = continueTrails(continueTrails(at(1, 114), at(2, 114.1)), at(3, 114.2));
  expect(shown.trails.a).toEqual([[114, 30], [114.1, 30], [114.2, 30]]);
});

test('starts trails afresh when jumping back', () => {
  expect(continueTrails(at(5, 114), at(3, 114.2)).trails.a).toEqual([[114.2, 30]]);
});

function createDeferredFetch() {
  const calls: { seq: number; resolve: (s: Snapshot) => void }[] = [];
  const fetch = (seq: number) => new Promise<Snapshot>((resolve) => calls.push({ seq, resolve }));
  return { calls, fetch };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

test('loads one seq at a time and then only the latest asked for', async () => {
  const { calls, fetch } = createDeferredFetch();
  const loaded: number[] = [];
  const loader = createPastLoader(fetch, (s) => loaded.push(s.seq), () => undefined);
  loader.request(10);
  loader.request(20);
  loader.request(30);
  expect(calls.map((c) => c.seq)).toEqual([10]);
  calls[0]?.resolve(createSnapshot(10));
  await flush();
  expect(calls.map((c) => c.seq)).toEqual([10, 30]);
  calls[1]?.resolve(createSnapshot(30));
  await flush();
  expect(loaded).toEqual([10, 30]);
});

test('reports nothing after it is closed', async () => {
  const { calls, fetch } = createDeferredFetch();
  const loaded: number[] = [];
  const loader = createPastLoader(fetch, (s) => loaded.push(s.seq), () => undefined);
  loader.request(10);
  loader.close();
  calls[0]?.resolve(createSnapshot(10));
  await flush();
  expect(loaded).toEqual([]);
});
