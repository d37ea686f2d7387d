import { expect, test } from 'vitest';
import { chineseNumber, personName, shortCommunity, shortDistrict, shortStreet } from './names.js';
import { createRng } from './prng.js';

test('writes team ordinals the way rosters do', () => {
  expect([1, 9, 10, 12, 20, 21].map(chineseNumber)).toEqual(['一', '九', '十', '十二', '二十', '二十一']);
  expect(() => chineseNumber(0)).toThrow();
});

test('shortens admin names for use inside place names', () => {
  expect(shortDistrict('江岸区')).toBe('江岸');
  expect(shortCommunity('长堤社区居委会')).toBe('长堤');
  expect(shortCommunity('保成社区')).toBe('保成');
  expect(shortStreet('唐家墩街街道')).toBe('唐家墩街');
  expect(shortStreet('大智街道')).toBe('大智街');
  expect(shortStreet('邾城街道')).toBe('邾城街');
});

test('generates two- or three-character Chinese names', () => {
  const rng = createRng(1);
  for (let i = 0; i < 50; i++) expect(personName(rng)).toMatch(/^\p{Script=Han}{2,3}$/u);
});
