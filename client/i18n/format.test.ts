import { expect, test } from 'vitest';
import { formatNumber, formatScenarioTime, formatShortDate } from './format.js';
import { langFromSearch } from './lang.js';

const T = Date.UTC(2020, 2, 12, 6, 5); // 14:05 in Wuhan

test('formats scenario time in Asia/Shanghai per the house style', () => {
  expect(formatScenarioTime(T, 'zh-CN')).toBe('2020年3月12日 14:05');
  expect(formatScenarioTime(T, 'en')).toBe('2020-03-12 14:05');
});

test('rolls over to the next Shanghai day before UTC does', () => {
  expect(formatScenarioTime(Date.UTC(2020, 2, 12, 16, 30), 'en')).toBe('2020-03-13 00:30');
});

test('groups thousands', () => {
  expect(formatNumber(49991, 'zh-CN')).toBe('49,991');
  expect(formatNumber(49991, 'en')).toBe('49,991');
});

test('shortens dates for chart axes', () => {
  expect(formatShortDate('2020-03-02', 'zh-CN')).toBe('3月2日');
  expect(formatShortDate('2020-03-02', 'en')).toBe('03-02');
});

test('reads the language from ?lang=, defaulting to zh-CN', () => {
  expect(langFromSearch('?lang=en')).toBe('en');
  expect(langFromSearch('?lang=EN-us')).toBe('en');
  expect(langFromSearch('?lang=zh')).toBe('zh-CN');
  expect(langFromSearch('?lang=fr')).toBe('zh-CN');
  expect(langFromSearch('')).toBe('zh-CN');
});
