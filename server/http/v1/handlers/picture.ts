import type { EntityKind } from '../../../../shared/entities.js';
import type { PictureState } from '../../../../shared/protocol.js';
import { entitiesCsv, entitiesGeoJson } from '../../../exchange/entities.js';
import { reject } from '../../../commands/validate.js';
import type { Ctx, Handler } from '../context.js';

type Filters = { district?: string; risk?: string; status?: string; kind?: string };
type Item = { id: string; districtCode?: string; districtName?: string; risk?: string; status?: string; kind?: string; siteKind?: string };

/** Applies the list filters; `district` matches a district code or name, `kind` a task's site kind. */
export function filterItems<T extends Item>(items: T[], f: Filters): T[] {
  return items.filter(
    (x) =>
      (f.district === undefined || x.districtCode === f.district || x.districtName === f.district) &&
      (f.risk === undefined || x.risk === f.risk) &&
      (f.status === undefined || x.status === f.status) &&
      (f.kind === undefined || (x.kind ?? x.siteKind) === f.kind),
  );
}

const itemsOf = (state: PictureState, kind: EntityKind) => Object.values(state[kind]) as Item[];

export const getState: Handler = async ({ res, picture }) => {
  res.json(await picture());
};

export const listEntities =
  (kind: EntityKind): Handler =>
  async ({ res, picture, query }) => {
    const { seq, state } = await picture();
    res.json({ seq, items: filterItems(itemsOf(state, kind), query as Filters) });
  };

export const getEntity =
  (kind: EntityKind): Handler =>
  async ({ res, picture, params }) => {
    const { seq, state } = await picture();
    const id = params.id ?? '';
    const item = Object.hasOwn(state[kind], id) ? state[kind][id] : undefined;
    if (!item) return void res.status(404).json(reject('unknown_entity', `no ${kind} ${params.id} at seq ${seq}`));
    res.json({ seq, item });
  };

export const exportEntities: Handler = async ({ res, picture, params }: Ctx) => {
  const kind = params.kind as EntityKind;
  const { seq, state } = await picture();
  const items = itemsOf(state, kind);
  const name = `${kind}-seq${seq}.${params.format}`;
  res.set('Content-Disposition', `attachment; filename="${name}"`);
  if (params.format === 'csv') res.type('text/csv; charset=utf-8').send(entitiesCsv(kind, items));
  else res.type('application/geo+json; charset=utf-8').send(JSON.stringify(entitiesGeoJson(kind, items)));
};
