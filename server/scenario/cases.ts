import type { CellCounts } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import { shanghaiDate, shanghaiMidnight } from '../../shared/time.js';
import { type CurveDay, curveAt } from './curve.js';
import { distM } from './planar.js';
import { rngFor, shuffled } from './prng.js';
import { inLockdown } from './timeline.js';
import { websterOrder } from './webster.js';

/** What the allocation needs to know of a cell. */
export interface CaseCell {
  id: string;
  districtCode: string;
  population: number;
  polygon: LngLat[];
}

/**
 * Every case of the curve, pinned to a cell. Case k is the k-th confirmed in the city; cases resolve
 * (cured or dead) in the order they were confirmed. Counting prefixes of these arrays gives each
 * cell's counts on any date: exact city totals, and cumulative counts that never fall.
 */
export interface CaseModel {
  cellIds: string[];
  populations: number[];
  curve: CurveDay[];
  caseCell: Int32Array;
  /** Outcome of the k-th resolved case: 1 cured, 2 died. */
  outcome: Uint8Array;
  seed: number;
}

/** 华南海鲜市场 (Huanan seafood market), the early cluster: cells near it get more cases. */
const HUANAN: LngLat = [114.257, 30.6196];

function weight(cell: CaseCell, seed: number): number {
  const rng = rngFor(seed, `hot:${cell.id}`);
  // Log-normal hotspot factor (σ ≈ 0.7) from two uniforms (Box–Muller).
  const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  // One vertex stands in for the centre: a res-9 hexagon is only ~350 m across.
  const centre = cell.polygon[0] ?? HUANAN;
  const market = 1 + 4 * Math.exp(-((distM(centre, HUANAN) / 1500) ** 2));
  return cell.population * Math.exp(0.7 * z) * market;
}

export function createCaseModel(input: { cells: CaseCell[]; curve: CurveDay[]; districts: Map<string, number>; seed: number }): CaseModel {
  const { cells, curve, seed } = input;
  const last = curve[curve.length - 1] ?? { confirmed: 0, cured: 0, deaths: 0 };
  const codes = [...input.districts.keys()].sort();
  const caseDistrict = websterOrder(codes.map((c) => input.districts.get(c) ?? 0), last.confirmed);
  const perDistrict = codes.map((code) => cells.flatMap((c, i) => (c.districtCode === code ? [i] : [])));
  const needed = codes.map(() => 0);
  for (const d of caseDistrict) needed[d] = (needed[d] ?? 0) + 1;
  const sequences = perDistrict.map((members, d) => {
    if (members.length === 0 && (needed[d] ?? 0) > 0) throw new Error(`no cells for district ${codes[d]}`);
    return websterOrder(members.map((i) => weight(cells[i] as CaseCell, seed)), needed[d] ?? 0);
  });
  const used = codes.map(() => 0);
  const caseCell = caseDistrict.map((d) => {
    const j = used[d] ?? 0;
    used[d] = j + 1;
    return (perDistrict[d] as number[])[(sequences[d] as Int32Array)[j] as number] as number;
  });
  return { cellIds: cells.map((c) => c.id), populations: cells.map((c) => c.population), curve, caseCell, outcome: outcomes(curve, seed), seed };
}

/** Day by day, the newly resolved cases split into that day's new deaths and new cures, in seeded order. */
function outcomes(curve: CurveDay[], seed: number): Uint8Array {
  const last = curve[curve.length - 1];
  const out = new Uint8Array(last ? last.cured + last.deaths : 0);
  let resolved = 0;
  let deaths = 0;
  for (const day of curve) {
    const newDeaths = day.deaths - deaths;
    const batch = day.cured + day.deaths - resolved;
    const flags = shuffled(Array.from({ length: batch }, (_, i) => (i < newDeaths ? 2 : 1)), rngFor(seed, `outcome:${day.date}`));
    flags.forEach((f, i) => (out[resolved + i] = f));
    resolved += batch;
    deaths = day.deaths;
  }
  return out;
}

const DAY_MS = 86_400_000;
function daysBefore(date: string, n: number): string {
  return shanghaiDate(shanghaiMidnight(date) - n * DAY_MS);
}

function bump(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] ?? 0) + 1;
}

/** Each cell's target counts at the end of `date`, aligned with `model.cellIds`. Pure. */
export function cellTargetsOn(model: CaseModel, date: string): CellCounts[] {
  const day = curveAt(model.curve, date);
  const resolved = day.cured + day.deaths;
  const weekAgo = curveAt(model.curve, daysBefore(date, 7)).confirmed;
  const yesterday = curveAt(model.curve, daysBefore(date, 1)).confirmed;
  const n = model.cellIds.length;
  const confirmed = new Int32Array(n);
  const cured = new Int32Array(n);
  const deaths = new Int32Array(n);
  const week = new Int32Array(n);
  const today = new Int32Array(n);
  for (let k = 0; k < day.confirmed; k++) {
    const c = model.caseCell[k] as number;
    bump(confirmed, c);
    if (k < resolved) bump(model.outcome[k] === 2 ? deaths : cured, c);
    if (k >= weekAgo) bump(week, c);
    if (k >= yesterday) bump(today, c);
  }
  const lockdown = inLockdown(date);
  return model.cellIds.map((id, i) => {
    const rng = rngFor(model.seed, `${date}:${id}`);
    const active = (confirmed[i] as number) - (cured[i] as number) - (deaths[i] as number);
    const suspected = Math.round((week[i] as number) * 0.3 * rng.range(0.5, 1.5));
    const closeContacts = Math.round(((week[i] as number) * 3 + active * 0.4) * rng.range(0.6, 1.4));
    const returnees = lockdown ? (model.populations[i] ?? 0) * 0.002 * rng.next() : 0;
    return {
      confirmed: confirmed[i] as number,
      active,
      cured: cured[i] as number,
      deaths: deaths[i] as number,
      suspected,
      closeContacts,
      homeQuarantine: Math.round(closeContacts * 0.6 + suspected + returnees),
      feverToday: Math.round((today[i] as number) * 0.5 * rng.range(0.5, 1.5)) + (rng.chance(lockdown ? 0.01 : 0.002) ? 1 : 0),
    };
  });
}
