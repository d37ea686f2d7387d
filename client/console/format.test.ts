import { expect, test } from 'vitest';
import { formatEventTime, formatTick } from './format.js';

const T = Date.UTC(2020, 1, 10, 6, 5, 9); // 2020-02-10 14:05:09 in Shanghai

test('formats event times to the second in Asia/Shanghai', () => {
  expect(formatEventTime(T, 'zh-CN')).toBe('2月10日 14:05:09');
  expect(formatEventTime(T, 'en')).toBe('02-10 14:05:09');
});

test('formats chart ticks to the minute', () => {
  expect(formatTick(T, 'zh-CN')).toBe('2月10日 14:05');
  expect(formatTick(T, 'en')).toBe('02-10 14:05');
});
