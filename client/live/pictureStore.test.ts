import { expect, test, vi } from 'vitest';
import { PictureStore } from './pictureStore.js';
import { createDelta, createSnapshot, createTeam, T0 } from '../state/fixtures.js';

test('starts connecting, with no picture', () => {
  const store = new PictureStore();
  expect(store.getView()).toEqual({ picture: null, status: 'connecting', lastMessageAt: null });
  expect(store.seq).toBe(0);
});

test('applies a snapshot then the next delta and records when they arrived', () => {
  const store = new PictureStore();
  store.receiveSnapshot(createSnapshot(4, { teams: [createTeam('t1')] }), 1000);
  const outcome = store.receiveDelta(createDelta(4, 6, { teams: [createTeam('t1', { status: 'working', reportedAt: T0 + 1 })] }), 2000);
  expect(outcome).toBe('applied');
  expect(store.seq).toBe(6);
  expect(store.getView().picture?.teams.t1?.status).toBe('working');
  expect(store.getView().lastMessageAt).toBe(2000);
});

test('reports a gap and keeps the picture unchanged', () => {
  const store = new PictureStore();
  store.receiveSnapshot(createSnapshot(4), 1000);
  const before = store.getView();
  expect(store.receiveDelta(createDelta(5, 6), 2000)).toBe('gap');
  expect(store.getView()).toBe(before);
  expect(store.seq).toBe(4);
});

test('reports a delta before any snapshot as a gap', () => {
  expect(new PictureStore().receiveDelta(createDelta(0, 1), 1000)).toBe('gap');
});

test('ignores a resent delta but counts it as a sign of life', () => {
  const store = new PictureStore();
  store.receiveSnapshot(createSnapshot(9), 1000);
  const picture = store.getView().picture;
  expect(store.receiveDelta(createDelta(5, 9), 3000)).toBe('stale');
  expect(store.getView().picture).toBe(picture);
  expect(store.getView().lastMessageAt).toBe(3000);
});

test('a later snapshot replaces the picture, even at a lower seq after a server restart', () => {
  const store = new PictureStore();
  store.receiveSnapshot(createSnapshot(50, { teams: [createTeam('old')] }), 1000);
  store.receiveSnapshot(createSnapshot(2, { teams: [createTeam('new')] }), 2000);
  expect(store.seq).toBe(2);
  expect(Object.keys(store.getView().picture?.teams ?? {})).toEqual(['new']);
});

test('notifies subscribers on change and not on a repeated status', () => {
  const store = new PictureStore();
  const listener = vi.fn();
  const unsubscribe = store.subscribe(listener);
  store.setStatus('connected');
  store.setStatus('connected');
  expect(listener).toHaveBeenCalledTimes(1);
  unsubscribe();
  store.setStatus('offline');
  expect(listener).toHaveBeenCalledTimes(1);
});
