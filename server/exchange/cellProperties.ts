/** GeoJSON feature properties as a user's GIS tool wrote them. */
export type Props = Record<string, unknown>;

/**
 * Accepted property names of an imported grid cell, canonical name first. Matching ignores case,
 * spaces, `_`, `-` and `.`, so `district_code`, `DistrictCode` and `gridWorker.name` all match.
 * The feature's own `id` is used when no id property is present.
 */
export const CELL_PROPERTY_ALIASES = {
  id: ['id', 'cellId', 'gridId', 'gridCode', '网格编号', '网格编码', '网格代码'],
  districtCode: ['districtCode', 'countyCode', '区县代码', '区代码', '区划代码'],
  districtName: ['districtName', 'district', 'county', '区', '区县', '区名称', '区县名称'],
  streetCode: ['streetCode', 'townCode', 'subdistrictCode', '街道代码', '街道编码'],
  streetName: ['streetName', 'street', 'town', 'subdistrict', '街道', '街道名称', '乡镇街道'],
  communityCode: ['communityCode', 'villageCode', '社区代码', '社区编码'],
  communityName: ['communityName', 'community', 'village', '社区', '社区名称', '村社区'],
  population: ['population', 'pop', '人口', '常住人口', '人口数'],
  households: ['households', 'householdCount', '户数', '住户数'],
  gridWorkerName: ['gridWorkerName', 'gridWorker', 'worker', '网格员', '网格员姓名'],
  gridWorkerPhone: ['gridWorkerPhone', 'workerPhone', 'phone', '网格员电话', '联系电话'],
  lastVisitAt: ['lastVisitAt', '最近走访'],
} as const;
type Field = keyof typeof CELL_PROPERTY_ALIASES;

const norm = (key: string) => key.toLowerCase().replace(/[\s_.-]/g, '');
const LOOKUP = new Map<string, Field>(
  (Object.entries(CELL_PROPERTY_ALIASES) as [Field, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [norm(n), field] as const)),
);

const CODES = new Set<Field>(['id', 'districtCode', 'streetCode', 'communityCode', 'gridWorkerPhone']);
const COUNTS = new Set<Field>(['population', 'households']);

/** The cell fields found in a feature's properties, converted to the schema's types where that is unambiguous. */
export function cellFields(props: Props, featureId: unknown): { id?: string; values: Record<string, unknown>; problems: string[] } {
  const found: Partial<Record<Field, unknown>> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (key === 'gridWorker' && value && typeof value === 'object') {
      const w = value as { name?: unknown; phone?: unknown };
      found.gridWorkerName ??= w.name;
      found.gridWorkerPhone ??= w.phone;
      continue;
    }
    const field = LOOKUP.get(norm(key));
    if (field && value !== null && value !== '') found[field] ??= value;
  }
  if (found.id === undefined && (typeof featureId === 'string' || typeof featureId === 'number')) found.id = featureId;
  for (const f of CODES) if (typeof found[f] === 'number') found[f] = String(found[f]);
  for (const f of COUNTS) if (typeof found[f] === 'string' && /^\s*\d+\s*$/.test(found[f] as string)) found[f] = Number(found[f]);
  const lastVisitAt = found.lastVisitAt === undefined ? undefined : toEpochMs(found.lastVisitAt);
  if (lastVisitAt === null) problems.push('lastVisitAt: not an ISO 8601 time or epoch milliseconds');
  const { gridWorkerName, gridWorkerPhone, ...rest } = found;
  const gridWorker = { name: gridWorkerName, ...(gridWorkerPhone === undefined ? {} : { phone: gridWorkerPhone }) };
  const id = typeof found.id === 'string' ? found.id : undefined;
  return { id, values: { ...rest, gridWorker, lastVisitAt: lastVisitAt ?? undefined }, problems };
}

/** ISO 8601 text or epoch ms; null when it is neither. */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}
