import type { PictureState } from '../../shared/protocol.js';
import type { Ledger } from '../ledger/ledger.js';
import { position, rid, T0 } from '../testing/fixtures.js';

/** A hand-made clock the test advances; start it at T0 + 1 h so seeded events come first. */
export function createTestClock(start = T0 + 3_600_000): { now: () => number; advance: (ms: number) => number } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** One command of a scripted run, made at scenario step `i`. */
function commandAt(i: number, recordedAt: number): [string, Record<string, unknown>] {
  const base = { reportId: rid('s'), recordedAt };
  const day = Date.UTC(2020, 1, 10) + Math.floor(i / 40) * 86_400_000; // a new scenario day every 40 steps
  switch (i % 8) {
    case 0:
      return ['clock:set', { ...base, scenarioTime: day + (i % 40) * 60_000, speed: 1440 }];
    case 1:
      return ['position:report', position(i % 16 === 1 ? 't1' : 't2', 114.3 + i / 1e4, 30.56 + i / 1e4, recordedAt)];
    case 2:
      return ['checkpoint:tally', { ...base, checkpointId: i % 3 ? 'k1' : 'k2', inboundPersons: i, refused: 1 }];
    case 3:
      return ['cell:report', { ...base, cellId: `c${1 + (i % 3)}`, counts: { confirmed: i, cured: Math.floor(i / 3) } }];
    case 4:
      return ['cell:visit', { ...base, cellId: 'c2', teamId: 't2', householdsVisited: 30, feverFound: i % 3 }];
    case 5:
      return ['incident:create', { ...base, incidentId: `inc${i}`, kind: 'fever', severity: 'high', position: [114.3, 30.5], checkpointId: 'k1', teamId: 't1' }];
    case 6:
      return ['task:setStatus', { ...base, taskId: 'task1', status: i % 16 === 6 ? 'assigned' : 'in_progress', teamId: 't1' }];
    default:
      return ['supply:deliver', { ...base, teamId: 't2', cellId: 'c3', households: 12, items: '蔬菜包, "米"\n油' }];
  }
}

/**
 * Drives a seeded fixture ledger through `steps` commands, each a second apart and one per batch, and
 * records a deep copy of the live state after each, by seq: the ground truth time travel must match.
 */
export async function scriptedRun(ledger: Ledger, clock: ReturnType<typeof createTestClock>, steps: number): Promise<Map<number, PictureState>> {
  const states = new Map<number, PictureState>([[ledger.state.seq, structuredClone(ledger.state)]]);
  for (let i = 0; i < steps; i++) {
    const now = clock.advance(1000);
    // Every 7th report was queued on a phone for two minutes; every 11th was made before the one logged before it.
    const recordedAt = i % 7 === 3 ? now - 120_000 : i % 11 === 5 ? now - 5000 : now - 200;
    const [name, payload] = commandAt(i, recordedAt);
    const ack = await ledger.submit(name, payload, 'system:test');
    if (!ack.ok) throw new Error(`step ${i} ${name} rejected: ${ack.error.message}`);
    states.set(ledger.state.seq, structuredClone(ledger.state));
  }
  return states;
}
