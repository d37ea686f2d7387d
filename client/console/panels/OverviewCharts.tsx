import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell, Clock, DayTotals } from '../../../shared/entities.js';
import { shanghaiDate } from '../../../shared/time.js';
import { CaseCurveChart } from '../../charts/CaseCurveChart.js';
import { useThrottledValue } from '../../charts/useThrottledValue.js';
import { formatNumber } from '../../i18n/format.js';
import { curvePoints } from '../../state/selectors.js';
import { useConsoleT } from '../i18n/consoleI18n.js';
import { aggregateAreas, type AreaLevel, type NumericField } from '../model/aggregate.js';

/** Props of `OverviewCharts`. */
export interface OverviewChartsProps {
  cells: Record<string, Cell>;
  days: Record<string, DayTotals>;
  clock: Clock | null;
  level: AreaLevel;
  field: NumericField;
  onArea: (level: AreaLevel, key: string) => void;
}

/** Charts redraw at most twice a second (Recharts is SVG). */
const CHART_EVERY_MS = 500;

/** When nothing is selected: the case curve up to the shown day, and the top areas of the chosen measure. */
export const OverviewCharts = memo(function OverviewCharts({ cells, days, clock, level, field, onArea }: OverviewChartsProps) {
  const { t: wt } = useTranslation();
  const { t, lang } = useConsoleT();
  const today = clock ? shanghaiDate(clock.scenarioTime) : undefined;
  const points = useThrottledValue(useMemo(() => curvePoints(days, today), [days, today]), CHART_EVERY_MS);
  const areas = useThrottledValue(useMemo(() => aggregateAreas(Object.values(cells), level, field).slice(0, 10), [cells, level, field]), CHART_EVERY_MS);
  const max = areas[0]?.value ?? 0;
  const names = { confirmed: wt('kpi.confirmed'), active: wt('kpi.active'), cured: wt('kpi.cured'), deaths: wt('kpi.deaths') };
  return (
    <div className="overview">
      <section className="details-section">
        <h3>{t('charts.curve')}</h3>
        <div className="overview-curve" data-testid="chart-curve">
          {points.length > 0 ? <CaseCurveChart points={points} lang={lang} names={names} /> : <p className="muted">{wt('chart.noData')}</p>}
        </div>
      </section>
      <section className="details-section">
        <h3>{t('charts.areas', { field: t(`aggregate.fields.${field}`) })}</h3>
        <ol className="bars">
          {areas.map((a) => (
            <li key={a.key}>
              <button type="button" className="bar" onClick={() => onArea(level, a.key)}>
                <span className="bar-name">{level === 'district' ? wt(`district.${a.key}`, { defaultValue: a.name }) : a.name}</span>
                <span className="bar-track">
                  <span className="bar-fill" style={{ width: `${max > 0 ? (a.value / max) * 100 : 0}%` }} />
                </span>
                <span className="bar-value">{formatNumber(a.value, lang)}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
});
