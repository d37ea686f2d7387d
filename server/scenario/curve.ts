import { readFileSync } from 'node:fs';
import path from 'node:path';
import { shanghaiDate, shanghaiMidnight } from '../../shared/time.js';
import { parseCsv } from './csv.js';

/** Wuhan's cumulative counts at the end (24:00) of one day, cleaned so every series is monotone. */
export interface CurveDay {
  date: string;
  confirmed: number;
  cured: number;
  deaths: number;
}

interface RawDay {
  date: string;
  confirmed: number;
  cured: number;
  deaths: number;
}

const DAY_MS = 86_400_000;

/** Rows of the aligned Hubei file for Wuhan (cityCode 420100), by bulletin date `as_of`. */
export function readWuhanDaily(dataDir: string): RawDay[] {
  const text = readFileSync(path.join(dataDir, 'sources', 'hubei-city-daily', 'hubei_city_daily_2020_aligned.csv'), 'utf8');
  return parseCsv(text)
    .filter((r) => r.cityCode === '420100')
    .map((r) => ({ date: r.as_of ?? '', confirmed: Number(r.confirmed), cured: Number(r.cured), deaths: Number(r.dead) }));
}

/**
 * Every day from the first to the last row, monotone non-decreasing in each series:
 * - a zero after a positive value is a gap in the source, not a value, and is interpolated like a missing day;
 * - dips (deaths 1,036 → 1,016 on 02-13) are removed by a running max;
 * - cured is capped at confirmed − deaths of every later day, because the 2020-04-16 revision added
 *   1,290 deaths and took back ~950 cures; without the cap, active cases would go negative.
 */
export function buildCurve(rows: RawDay[]): CurveDay[] {
  const byDate = new Map<string, RawDay>();
  for (const r of rows) {
    const old = byDate.get(r.date);
    byDate.set(r.date, old && old.confirmed >= r.confirmed ? old : r);
  }
  const dates = [...byDate.keys()].sort();
  const first = shanghaiMidnight(dates[0] ?? '2020-01-01');
  const last = shanghaiMidnight(dates[dates.length - 1] ?? '2020-01-01');
  const days = Array.from({ length: Math.round((last - first) / DAY_MS) + 1 }, (_, i) => shanghaiDate(first + i * DAY_MS));
  const series = (key: 'confirmed' | 'cured' | 'deaths'): number[] => {
    let seen = 0;
    const known = days.map((d) => {
      const v = byDate.get(d)?.[key];
      if (v === undefined || !Number.isFinite(v) || (v === 0 && seen > 0)) return null;
      seen = Math.max(seen, v);
      return v;
    });
    return runningMax(interpolate(known));
  };
  const confirmed = series('confirmed');
  const deaths = series('deaths');
  const cured = capFromTheRight(series('cured'), confirmed.map((c, i) => c - (deaths[i] ?? 0)));
  return days.map((date, i) => ({ date, confirmed: confirmed[i] ?? 0, cured: cured[i] ?? 0, deaths: deaths[i] ?? 0 }));
}

/** Linear interpolation over nulls (rounded); leading nulls become 0, trailing ones hold the last value. */
function interpolate(values: (number | null)[]): number[] {
  const out = new Array<number>(values.length);
  let prev = -1;
  for (let i = 0; i <= values.length; i++) {
    if (i < values.length && values[i] === null) continue;
    const from = prev >= 0 ? (values[prev] as number) : 0;
    const to = i < values.length ? (values[i] as number) : from;
    for (let j = prev + 1; j < i; j++) out[j] = prev < 0 ? 0 : Math.round(from + ((to - from) * (j - prev)) / (i - prev));
    if (i < values.length) out[i] = to;
    prev = i;
  }
  return out;
}

function runningMax(values: number[]): number[] {
  let m = 0;
  return values.map((v) => (m = Math.max(m, v)));
}

/** min(v[i], limit[j]) for every j ≥ i: keeps `v` monotone while never exceeding any later limit. */
function capFromTheRight(values: number[], limit: number[]): number[] {
  const out = values.slice();
  let cap = Infinity;
  for (let i = out.length - 1; i >= 0; i--) {
    cap = Math.min(cap, limit[i] ?? Infinity);
    out[i] = Math.min(out[i] ?? 0, cap);
  }
  return out;
}

/** The curve's day for a date: before the first day all zero, after the last day the last one (held). */
export function curveAt(curve: CurveDay[], date: string): CurveDay {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (!first || !last) return { date, confirmed: 0, cured: 0, deaths: 0 };
  if (date < first.date) return { date, confirmed: 0, cured: 0, deaths: 0 };
  if (date > last.date) return { ...last, date };
  const i = Math.round((shanghaiMidnight(date) - shanghaiMidnight(first.date)) / DAY_MS);
  return curve[i] ?? last;
}
