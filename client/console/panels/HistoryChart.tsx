import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, GRID_STROKE } from '../../charts/seriesColors.js';
import { formatNumber } from '../../i18n/format.js';
import type { Lang } from '../../i18n/lang.js';
import { formatTick } from '../format.js';
import type { HistoryPoint } from '../model/history.js';

/** One line of the chart. */
export interface HistorySeries {
  key: string;
  name: string;
  color: string;
}

/** Props of `HistoryChart`. */
export interface HistoryChartProps {
  /** `t` already in scenario time. */
  points: readonly HistoryPoint[];
  series: readonly HistorySeries[];
  lang: Lang;
}

/** An entity's history from its events (counts, flow, distance), in scenario time; ≤ a few dozen points. */
export const HistoryChart = memo(function HistoryChart({ points, series, lang }: HistoryChartProps) {
  // Three ticks, first/middle/last: Recharts' own ticks on a time axis crowd and overlap in a narrow panel.
  const first = points[0]?.t ?? 0;
  const last = points[points.length - 1]?.t ?? 0;
  const ticks = last > first ? [first, (first + last) / 2, last] : [first];
  return (
    <LineChart responsive className="chart" data={points as HistoryPoint[]} margin={{ top: 4, right: 36, bottom: 0, left: 8 }} style={{ width: '100%', height: '100%' }}>
      <CartesianGrid stroke={GRID_STROKE} vertical={false} />
      <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tick={AXIS_TICK} ticks={ticks} interval={0} tickFormatter={(v: number) => formatTick(v, lang)} />
      <YAxis tick={AXIS_TICK} width="auto" allowDecimals={series.some((s) => s.key === 'distanceKm')} />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(v) => (typeof v === 'number' ? formatTick(v, lang) : '')}
        formatter={(v) => (typeof v === 'number' ? formatNumber(v, lang) : String(v))}
        contentStyle={{ background: '#0e1626', border: '1px solid #1f2c44' }}
      />
      <Legend verticalAlign="top" height={22} iconType="plainline" />
      {series.map((s) => (
        <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={points.length < 12} type="stepAfter" isAnimationActive={false} />
      ))}
    </LineChart>
  );
});
