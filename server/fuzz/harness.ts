import fc from 'fast-check';
import { z } from 'zod';
import { ErrorCode } from '../../shared/protocol.js';
import { knownBug } from './knownBugs.js';

/** Every call is bounded: no answer within this is a hang, and a failure. */
export const CALL_TIMEOUT_MS = 5_000;

/** What the server answered: a socket ack, or an HTTP response. */
export type Answer =
  | { via: 'ack'; ack: unknown }
  | { via: 'http'; status: number; contentType: string; text: string; /** The OsmAnd query form answers errors as text, by design. */ textAllowed?: boolean };

const ErrorAnswer = z.object({ ok: z.literal(false), error: z.object({ code: ErrorCode, message: z.string().min(1) }) });
/** Refusals that would mean the input was not judged: the server failed, or a limiter stood in the way. */
const NOT_A_VERDICT = new Set(['internal', 'unavailable', 'rate_limited']);

/** Why this answer is not a proper refusal of a malformed input; null when it is one. */
export function problemWith(a: Answer): string | null {
  if (a.via === 'ack') {
    const r = ErrorAnswer.safeParse(a.ack);
    if (!r.success) return `ack is not an error: ${JSON.stringify(a.ack)?.slice(0, 300)}`;
    return NOT_A_VERDICT.has(r.data.error.code) ? `ack code ${r.data.error.code}: ${r.data.error.message}` : null;
  }
  if (a.status < 400 || a.status >= 500 || a.status === 429) return `HTTP ${a.status}: ${a.text.slice(0, 300)}`;
  if (!a.contentType.includes('json')) return a.textAllowed ? null : `HTTP ${a.status} with a ${a.contentType || 'typeless'} body, not JSON: ${a.text.slice(0, 200)}`;
  let body: unknown;
  try {
    body = JSON.parse(a.text);
  } catch {
    return `HTTP ${a.status} JSON body does not parse: ${a.text.slice(0, 200)}`;
  }
  const r = ErrorAnswer.safeParse(body);
  if (!r.success) return `HTTP ${a.status} body is not an error: ${a.text.slice(0, 300)}`;
  return NOT_A_VERDICT.has(r.data.error.code) ? `HTTP ${a.status} code ${r.data.error.code}` : null;
}

/** One inbound path: how to make malformed inputs for it, how the server would judge them, how to send them. */
export interface FuzzPath<I> {
  name: string;
  arb: fc.Arbitrary<I>;
  /** What was done to the input, for the tallies. */
  kinds(input: I): string[];
  /** True when the server would accept this input (the shared schema passes it): discarded, not sent. */
  accepts(input: I): boolean;
  send(input: I): Promise<Answer>;
}

export interface PathStats {
  name: string;
  sent: number;
  discarded: number;
  ms: number;
  kinds: Record<string, number>;
  /** Answers that were instances of a known, reported bug (knownBugs.ts), by bug id. */
  knownBugs: Record<string, number>;
}

/** The input, cut short: fast-check's own printer overflows the stack on the deeply nested ones. */
const show = (v: unknown) => {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 600);
  } catch {
    return String(v);
  }
};

/** Throws `numRuns` malformed inputs at one path; every one must be refused with an error. */
export async function fuzzPath<I>(p: FuzzPath<I>, numRuns: number, opts: { seed?: number } = {}): Promise<PathStats> {
  const stats: PathStats = { name: p.name, sent: 0, discarded: 0, ms: 0, kinds: {}, knownBugs: {} };
  const t0 = performance.now();
  const property = fc.asyncProperty(p.arb, async (input) => {
    if (p.accepts(input)) {
      stats.discarded++;
      fc.pre(false);
    }
    stats.sent++;
    for (const k of p.kinds(input)) stats.kinds[k] = (stats.kinds[k] ?? 0) + 1;
    let answer: Answer;
    try {
      answer = await p.send(input);
    } catch (err) {
      throw new Error(`${p.name}: no answer (${(err as Error).message}) to ${show(input)}`, { cause: err });
    }
    const problem = problemWith(answer);
    const bug = problem ? knownBug(p.name, answer) : undefined;
    if (bug) stats.knownBugs[bug.id] = (stats.knownBugs[bug.id] ?? 0) + 1;
    else if (problem) throw new Error(`${p.name}: ${problem}\n  input: ${show(input)}`);
  });
  const run = await fc.check(property, { numRuns, seed: opts.seed, maxSkipsPerRun: 1_000, endOnFailure: process.env.FUZZ_SHRINK !== '1' });
  if (run.failed) {
    const why = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
    throw new Error(`${why}\n  replay: FUZZ_SEED=${run.seed} (path ${run.counterexamplePath ?? '-'}) after ${run.numRuns} runs`, { cause: run.errorInstance });
  }
  stats.ms = Math.round(performance.now() - t0);
  return stats;
}

/** An HTTP call bounded by CALL_TIMEOUT_MS, as an Answer. */
export async function call(url: string, init: RequestInit, opts: { textAllowed?: boolean } = {}): Promise<Answer> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
  return { via: 'http', status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text(), textAllowed: opts.textAllowed };
}
