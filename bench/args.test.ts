import { describe, expect, test } from 'vitest';
import { ALL_SCENARIOS, parseBenchArgs } from './args.js';

describe('npm run bench options', () => {
  test('defaults, and numbers and lists as the scenarios use them', () => {
    expect(parseBenchArgs([])).toMatchObject({ scenario: [...ALL_SCENARIOS], reps: 3, quick: false, profile: false });
    const o = parseBenchArgs(['--scenario', 'w,soak', '--reps', '2', '--rate', '0.75', '--minutes', '10', '--designs', 'ours', '--tick-ms', '60', '--commit-ms', '20', '--walls', '50', '--events', '1000']);
    expect(o).toMatchObject({ scenario: ['w', 'soak'], reps: 2, rate: 0.75, minutes: 10, designs: ['ours'], 'tick-ms': 60, 'commit-ms': 20, walls: 50, events: 1000 });
    // 0 is a setting here (V8's own choice), not a missing value.
    expect(parseBenchArgs(['--heap-growing-percent', '0'])['heap-growing-percent']).toBe(0);
    expect(parseBenchArgs(['--heap-profile'])).toMatchObject({ 'heap-profile': true, profile: false });
  });

  test.each([
    [['--tick-ms', 'abc'], /--tick-ms: not a number/],
    [['--tick-ms', '1'], /--tick-ms: at least 5/],
    [['--commit-ms', '0'], /--commit-ms: at least 1/],
    [['--heap-growing-percent=-1'], /--heap-growing-percent: at least 0/],
    [['--heap-growing-percent', 'lots'], /--heap-growing-percent: not a number/],
    [['--commit-ms', '2000'], /--commit-ms: at most 1000/],
    [['--reps', '0'], /--reps: more than 0/],
    [['--reps', '1.5'], /--reps: a whole number/],
    [['--rate=-1'], /--rate: more than 0/],
    [['--minutes', 'ten'], /--minutes: not a number/],
    [['--walls', ''], /--walls: more than 0/],
    [['--scenario', 'w,fanuot'], /--scenario: fanuot is not one of/],
    [['--designs', 'ours,mine'], /--designs: mine is not one of ours, naive/],
    [['--designs', ','], /--designs: none given/],
    [['--reps', 'x', '--rate', 'y'], /--reps: not a number; --rate: not a number/],
    [['--profile', '--heap-profile'], /--profile and --heap-profile: one at a time/],
  ])('%j is refused with a message naming the option', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });

  test('an unknown option is refused', () => {
    expect(() => parseBenchArgs(['--tickms', '60'])).toThrow(/Unknown option '--tickms'/);
  });
});
