import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX_HEAP_GROWING_PERCENT } from '../server/heap.js';

/** Scenarios `--scenario all` runs; soak only by name. */
export const ALL_SCENARIOS = ['fanout', 'w', 'join', 'slow', 'ingest', 'restart', 'client'] as const;
const SCENARIOS = [...ALL_SCENARIOS, 'soak'] as const;

const whole = (what: string) => z.coerce.number({ error: `${what}: not a number` }).int(`${what}: a whole number`);
const count = (what: string) => whole(what).positive(`${what}: more than 0`);
const list = <T extends string>(what: string, allowed: readonly T[]) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(allowed, { error: (i) => `${what}: ${String(i.input)} is not one of ${allowed.join(', ')}` })).min(1, `${what}: none given`));

/** `npm run bench` options as the scenarios use them; a wrong one stops the run before anything starts. */
const Options = z.object({
  scenario: z
    .string()
    .transform((s) => (s === 'all' ? ALL_SCENARIOS.join(',') : s))
    .pipe(list('--scenario', SCENARIOS)),
  reps: count('--reps'),
  quick: z.boolean(),
  /** Soak: input multiplier of W (default: half the knee of the newest fan-out result, else 2). */
  rate: z.coerce.number({ error: '--rate: not a number' }).positive('--rate: more than 0').max(100, '--rate: at most 100 × W').optional(),
  /** Soak length, minutes. @default 10 (quick: 0.5) */
  minutes: z.coerce.number({ error: '--minutes: not a number' }).positive('--minutes: more than 0').max(24 * 60, '--minutes: at most a day').optional(),
  /** Restart: events in the log. @default 1000000 (quick: 100000) */
  events: count('--events').optional(),
  /** Only these designs, e.g. to measure a server change before and after. */
  designs: list('--designs', ['ours', 'naive'] as const).optional(),
  /** Do not pin the server and the generator to their own cores (a machine others are loading). */
  'no-pin': z.boolean(),
  /** Write a CPU profile of the server over each run's measured phases next to the results. */
  profile: z.boolean(),
  /**
   * Instead of a CPU profile: a sampling heap profile (V8's, one sample per 4 KB allocated) of what
   * outlived the young generation over the measured phases — what a scavenge promoted, or what is
   * still alive at the end — to find what makes the old generation grow between mark-compacts.
   */
  'heap-profile': z.boolean(),
  /** Raw walls instead of 498 (trying the harness on a small scale; targets assume 498 + 2). */
  walls: count('--walls').optional(),
  /** Our server's broadcast tick, ms (the latency/CPU trade-off); the server's own bounds (TICK_MS). @default the server's 50 */
  'tick-ms': count('--tick-ms').min(5, '--tick-ms: at least 5').max(5000, '--tick-ms: at most 5000').optional(),
  /** The event log's group-commit interval, ms (fewer commits against a longer wait for each report). @default the ledger's 10 */
  'commit-ms': count('--commit-ms').min(1, '--commit-ms: at least 1').max(1000, '--commit-ms: at most 1000').optional(),
  /** V8's heap growing percent in the server child, as HEAP_GROWING_PERCENT (0 = V8's own choice). @default the server's (100) */
  'heap-growing-percent': whole('--heap-growing-percent').min(0, '--heap-growing-percent: at least 0').max(MAX_HEAP_GROWING_PERCENT, `--heap-growing-percent: at most ${MAX_HEAP_GROWING_PERCENT}`).optional(),
});
export type BenchOptions = z.infer<typeof Options>;

/** Parses and checks the command line; throws one message naming every bad option. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', default: 'all' },
      reps: { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false },
      rate: { type: 'string' },
      minutes: { type: 'string' },
      events: { type: 'string' },
      designs: { type: 'string' },
      'no-pin': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'heap-profile': { type: 'boolean', default: false },
      walls: { type: 'string' },
      'tick-ms': { type: 'string' },
      'commit-ms': { type: 'string' },
      'heap-growing-percent': { type: 'string' },
    },
  });
  const parsed = Options.refine((o) => !(o.profile && o['heap-profile']), { message: '--profile and --heap-profile: one at a time (each profiles the same phases)' }).safeParse(values);
  if (!parsed.success) throw new Error(`npm run bench: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}
