import { describe, expect, test } from 'vitest';
import { PictureState } from '../../shared/protocol.js';
import { createSeed, rid } from '../testing/fixtures.js';
import { Ledger } from '../ledger/ledger.js';
import { seedLedger } from '../ledger/seed.js';
import { createTempStore } from '../testing/tempStore.js';
import { redactCell, redactDelta, redactState, HIDDEN } from './redact.js';
import { liveOf } from '../../shared/catalog.js';

async function seededState() {
  const tmp = createTempStore();
  const ledger = new Ledger({ store: tmp.store });
  await seedLedger(ledger, createSeed(), Date.now());
  await ledger.submit('incident:create', { reportId: rid(), recordedAt: Date.now(), incidentId: 'inc1', kind: 'forced_passage', severity: 'high', position: [114.3, 30.5], note: '王某, 电话 13800000000, 无通行证冲卡' }, 'system:test');
  await ledger.submit('task:complete', { reportId: rid(), recordedAt: Date.now(), taskId: 'task1', teamId: 't1', areaM2: 1200, agent: '含氯消毒液', notes: '李主任签字' }, 'system:test');
  const state = structuredClone(ledger.state);
  await tmp.cleanup();
  return state;
}

describe('the wall’s aggregate picture', () => {
  test('drops grid workers’ names and phones and free text from the field, keeps everything else, and stays schema-valid', async () => {
    const state = await seededState();
    const before = structuredClone(state);
    const wall = redactState(state);
    expect(state).toEqual(before); // the live state is not touched
    expect(PictureState.safeParse(wall).success).toBe(true);
    // Cells travel as their live part (no grid worker); the wall's catalog holds redacted cells.
    const text = JSON.stringify({ ...wall, cells: Object.values(wall.cells).map(liveOf) });
    for (const secret of ['13800000000', '王某', '李主任', '含氯', ...Object.values(state.cells).map((c) => c.gridWorker.name)]) expect(text).not.toContain(secret);
    expect(Object.values(state.cells).map(redactCell).every((c) => c.gridWorker.name === HIDDEN && c.gridWorker.phone === undefined)).toBe(true);
    expect(wall.incidents.inc1).toMatchObject({ kind: 'forced_passage', severity: 'high', note: '' });
    expect(wall.tasks.task1?.completion).toMatchObject({ areaM2: 1200, agent: '', notes: '' });
    expect(wall.teams).toBe(state.teams);
    expect(wall.checkpoints).toBe(state.checkpoints);
  });

  test('an unchanged entity redacts to the same object (the snapshot cache relies on it); a delta is redacted the same way', async () => {
    const state = await seededState();
    expect(redactCell(state.cells.c1!)).toBe(redactCell(state.cells.c1!));
    expect(redactState(state).incidents.inc1).toBe(redactState(state).incidents.inc1);
    const delta = redactDelta({ fromSeq: 1, toSeq: 2, serverTime: 3, incidents: [state.incidents.inc1!], cells: [liveOf(state.cells.c1!)] });
    expect(delta.incidents?.[0]?.note).toBe('');
    expect(delta.cells?.[0]).toEqual(liveOf(state.cells.c1!));
  });
});
