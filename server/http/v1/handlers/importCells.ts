import type { NewEvent } from '../../../../shared/events.js';
import { importCells } from '../../../exchange/importCells.js';
import { reject } from '../../../commands/validate.js';
import type { Handler } from '../context.js';
import { BadQuery } from '../query.js';

/** A grid of a whole city is ~5,000 cells; five times that is a mistake, not a grid. */
const MAX_FEATURES = 25_000;

export const importCellsHandler: Handler = async ({ req, res, query, ledger, now }) => {
  const body = req.body as { type?: unknown; features?: unknown } | undefined;
  if (!body || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) throw new BadQuery('body must be a GeoJSON FeatureCollection');
  if (body.features.length > MAX_FEATURES) throw new BadQuery(`at most ${MAX_FEATURES} features per import`);
  const q = query as { dryRun?: string; source?: string };
  const dryRun = q.dryRun === '1' || q.dryRun === 'true';
  const at = now();
  const { cells, rejected } = importCells(body.features, { existing: (id) => (Object.hasOwn(ledger.state.cells, id) ? ledger.state.cells[id] : undefined), now: at });
  const report = { accepted: cells.length, dryRun, seqs: [] as number[], rejected };
  if (cells.length === 0) {
    return void res.status(400).json({ ...reject('invalid', `no valid cell in ${body.features.length} features; nothing was written`), ...report });
  }
  if (!dryRun) {
    const actor = `import:${q.source ?? 'geojson'}`;
    const events = cells.map((data): NewEvent => ({ type: 'cell:upserted', actor, reportId: null, deviceTime: null, serverTime: at, data }));
    for (let i = 0; i < events.length; i += 2000) report.seqs.push(...(await ledger.appendSystem(events.slice(i, i + 2000))));
  }
  res.json(report);
};
