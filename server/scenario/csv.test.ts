import { expect, test } from 'vitest';
import { parseCsv } from './csv.js';

test('parses quoted fields, doubled quotes, CRLF and a BOM', () => {
  const text = '\uFEFFcode,name\r\n1,"大智街道"\r\n2,"a ""b"", c"\r\n';
  expect(parseCsv(text)).toEqual([
    { code: '1', name: '大智街道' },
    { code: '2', name: 'a "b", c' },
  ]);
});
