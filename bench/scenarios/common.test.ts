import { describe, expect, test } from 'vitest';
import { diskNote } from './common.js';

describe('diskNote', () => {
  test('says nothing for commits within the limit', () => {
    expect(diskNote(90, 12, 30)).toBeUndefined();
    expect(diskNote(null, undefined)).toBeUndefined();
  });

  test('tells a commit held before walls could see it from one that only waited for its fsync', () => {
    expect(diskNote(400, 180, 25)).toMatch(/^disk: a commit was held 180 ms before walls could see it/);
    expect(diskNote(400, 9, 25)).toMatch(/^disk: one commit took 400 ms to be durable .* walls did not$/);
  });

  test('blames the server, not the disk, when its event loop was held about as long', () => {
    const note = diskNote(7196, 61, 7210);
    expect(note).toMatch(/event loop was held 7210 ms: the server's own load, not the disk/);
    expect(note).not.toMatch(/^disk:/);
    // A short event-loop delay beside a long fsync is still the disk.
    expect(diskNote(928, 20, 40)).toMatch(/^disk: one commit took 928 ms/);
  });
});
