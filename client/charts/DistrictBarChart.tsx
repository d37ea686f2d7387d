import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { AXIS_TICK, GRID_STROKE, SERIES_COLORS } from './seriesColors.js';

/** One bar: a district and its confirmed cases. */
export interface DistrictBar {
  code: string;
  /** Display name in the UI language. */
  name: string;
  confirmed: number;
}

/** Props of `DistrictBarChart`. */
export interface DistrictBarChartProps {
  /** Most confirmed first. */
  bars: readonly DistrictBar[];
  lang: Lang;
}

/** Confirmed cases per district (区), horizontal bars labelled with their value. */
// memo: the wall re-renders at 4 Hz; a chart should redraw only when its (throttled) data changes.
export const DistrictBarChart = memo(function DistrictBarChart({ bars, lang }: DistrictBarChartProps) {
  const format = (n: number) => formatNumber(n, lang);
  return (
    <BarChart
      responsive
      className="chart"
      layout="vertical"
      data={bars as DistrictBar[]}
      margin={{ top: 0, right: 56, bottom: 0, left: 0 }}
      barCategoryGap="18%"
      style={{ width: '100%', height: '100%' }}
    >
      <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
      <XAxis type="number" hide />
      <YAxis type="category" dataKey="name" tick={AXIS_TICK} width="auto" interval={0} tickLine={false} />
      <Bar dataKey="confirmed" fill={SERIES_COLORS.confirmed} isAnimationActive={false}>
        <LabelList dataKey="confirmed" position="right" className="chart-bar-label" formatter={(v) => (typeof v === 'number' ? format(v) : '')} />
      </Bar>
    </BarChart>
  );
});
