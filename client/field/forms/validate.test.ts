import { expect, test } from 'vitest';
import { toNumber, validateReport } from './validate.js';

const base = { reportId: 'abcdefgh1234', recordedAt: Date.UTC(2020, 1, 12) };

test('a valid tally passes, with omitted counts defaulting to 0', () => {
  const r = validateReport('checkpoint:tally', { ...base, checkpointId: 'cp-1', inboundPersons: 12 });
  expect(r).toMatchObject({ ok: true, payload: { inboundPersons: 12, outboundPersons: 0, refused: 0 } });
});

test('reports each wrong field with a translatable code', () => {
  const r = validateReport('cell:visit', { ...base, cellId: 'bad id', householdsVisited: 1.5, feverFound: -1, suppliesDelivered: Number.NaN });
  expect(r).toEqual({
    ok: false,
    errors: { cellId: { code: 'id' }, householdsVisited: { code: 'integer' }, feverFound: { code: 'min', limit: 0 }, suppliesDelivered: { code: 'number' } },
  });
});

test('a missing number and a blank text are both "required"', () => {
  const r = validateReport('task:complete', { ...base, taskId: 'task-1', teamId: 't1', areaM2: undefined, agent: '  ' });
  expect(r).toEqual({ ok: false, errors: { areaM2: { code: 'required' }, agent: { code: 'required' } } });
});

test('toNumber keeps empty apart from junk', () => {
  expect([toNumber(''), toNumber(' 42 '), toNumber('abc')]).toEqual([undefined, 42, Number.NaN]);
});
