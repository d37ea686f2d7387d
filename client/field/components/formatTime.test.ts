import { expect, test } from 'vitest';
import { formatDeviceTime } from './formatTime.js';

const at = Date.UTC(2020, 2, 12, 6, 5); // 14:05 in Wuhan

test('shows only the time for today in Wuhan, the whole date otherwise', () => {
  expect(formatDeviceTime(at, at + 3_600_000, 'zh-CN')).toBe('14:05');
  expect(formatDeviceTime(at, at + 86_400_000, 'zh-CN')).toBe('2020年3月12日 14:05');
  expect(formatDeviceTime(at, at + 86_400_000, 'en')).toBe('2020-03-12 14:05');
});
