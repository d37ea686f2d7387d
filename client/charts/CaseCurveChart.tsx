import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { DayTotals } from '../../shared/entities.js';
import { formatShortDate } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { AXIS_TICK, GRID_STROKE, SERIES, SERIES_COLORS } from './seriesColors.js';

/** Props of `CaseCurveChart`. */
export interface CaseCurveChartProps {
  /** City totals by day, in date order. */
  points: readonly DayTotals[];
  lang: Lang;
  /** Series name per key, in the UI language. */
  names: Record<(typeof SERIES)[number], string>;
}

const compact = new Map<Lang, Intl.NumberFormat>();
function formatCompact(n: number, lang: Lang): string {
  let f = compact.get(lang);
  if (!f) compact.set(lang, (f = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 })));
  return f.format(n);
}

/** Confirmed / active / cured / deaths over the scenario days so far. */
// memo: the wall re-renders at 4 Hz; a chart should redraw only when its (throttled) data changes.
export const CaseCurveChart = memo(function CaseCurveChart({ points, lang, names }: CaseCurveChartProps) {
  return (
    <LineChart responsive className="chart" data={points as DayTotals[]} margin={{ top: 4, right: 12, bottom: 0, left: 0 }} style={{ width: '100%', height: '100%' }}>
      <CartesianGrid stroke={GRID_STROKE} vertical={false} />
      <XAxis dataKey="date" tick={AXIS_TICK} tickFormatter={(d: string) => formatShortDate(d, lang)} minTickGap={24} />
      <YAxis tick={AXIS_TICK} tickFormatter={(n: number) => formatCompact(n, lang)} width="auto" />
      <Legend verticalAlign="top" height={24} iconType="plainline" itemSorter={null} formatter={(key: string) => names[key as keyof typeof names] ?? key} />
      {SERIES.map((key) => (
        <Line key={key} dataKey={key} name={key} stroke={SERIES_COLORS[key]} strokeWidth={2.5} dot={false} isAnimationActive={false} />
      ))}
    </LineChart>
  );
});
