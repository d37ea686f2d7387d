import { describe, expect, test } from 'vitest';
import { BOM, csvField, csvTable, parseCsv } from './csv.js';
import { entitiesCsv } from './entities.js';
import { createCell, createTeam } from '../testing/fixtures.js';

describe('CSV', () => {
  test('quotes commas, quotes and line breaks as RFC 4180 asks, and leaves plain text and Chinese alone', () => {
    expect(csvField('和平社区')).toBe('和平社区');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(-3)).toBe('-3');
  });

  test('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  test('starts with a BOM, ends records with CRLF, and parses back to the same fields', () => {
    const rows = [['1', '蔬菜包, "米"\n油'], ['2', '']];
    const text = csvTable(['seq', 'items'], rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toContain('\r\n');
    expect(parseCsv(text)).toEqual([['seq', 'items'], ...rows]);
  });

  test('flattens an entity into dotted columns from its schema, with ISO times and lng/lat pairs', () => {
    const [header, row] = parseCsv(entitiesCsv('cells', [createCell({ counts: { ...createCell().counts, confirmed: 7 } })])) as [string[], string[]];
    const cell = Object.fromEntries(header.map((h, i) => [h, row[i]]));
    expect(cell).toMatchObject({ id: 'c1', districtName: '武昌区', 'gridWorker.name': '李娟', 'counts.confirmed': '7', risk: 'low', lastVisitAt: '', updatedAt: '2020-02-10T02:00:00.000Z' });
    expect(Number(cell['polygon.centroidLng'])).toBeCloseTo(114.300667, 5);
    const [teamHeader] = parseCsv(entitiesCsv('teams', [createTeam()]));
    expect(teamHeader).toEqual(expect.arrayContaining(['position.lng', 'position.lat', 'deliveriesToday', 'reportedAt']));
  });
});
