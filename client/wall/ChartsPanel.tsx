import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell, Clock, DayTotals } from '../../shared/entities.js';
import { shanghaiDate } from '../../shared/time.js';
import { CaseCurveChart } from '../charts/CaseCurveChart.js';
import { DistrictBarChart, type DistrictBar } from '../charts/DistrictBarChart.js';
import { useThrottledValue } from '../charts/useThrottledValue.js';
import type { Lang } from '../i18n/lang.js';
import { casesByDistrict, curvePoints } from '../state/selectors.js';

/** Props of `ChartsPanel`. */
export interface ChartsPanelProps {
  cells: Record<string, Cell>;
  days: Record<string, DayTotals>;
  clock: Clock | null;
  lang: Lang;
}

/** Charts redraw at most twice a second, however often cells change. */
const CHART_EVERY_MS = 500;

/** The case curve up to the scenario day, and confirmed cases per district. */
export const ChartsPanel = memo(function ChartsPanel({ cells, days, clock, lang }: ChartsPanelProps) {
  const { t } = useTranslation();
  const today = clock ? shanghaiDate(clock.scenarioTime) : undefined;
  const points = useThrottledValue(
    useMemo(() => curvePoints(days, today), [days, today]),
    CHART_EVERY_MS,
  );
  const districts = useThrottledValue(
    useMemo(() => casesByDistrict(cells), [cells]),
    CHART_EVERY_MS,
  );
  const bars = useMemo<DistrictBar[]>(
    () => districts.map((d) => ({ code: d.districtCode, name: t(`district.${d.districtCode}`, { defaultValue: d.districtName }), confirmed: d.confirmed })),
    [districts, t],
  );
  const names = useMemo(() => ({ confirmed: t('kpi.confirmed'), active: t('kpi.active'), cured: t('kpi.cured'), deaths: t('kpi.deaths') }), [t]);
  return (
    <aside className="side">
      <section className="panel panel--curve" data-testid="chart-curve">
        <h2 className="panel-title">{t('chart.curve')}</h2>
        <div className="panel-body">
          {points.length > 0 ? <CaseCurveChart points={points} lang={lang} names={names} /> : <p className="panel-empty">{t('chart.noData')}</p>}
        </div>
      </section>
      <section className="panel panel--districts" data-testid="chart-districts">
        <h2 className="panel-title">{t('chart.byDistrict')}</h2>
        <div className="panel-body">
          {bars.length > 0 ? <DistrictBarChart bars={bars} lang={lang} /> : <p className="panel-empty">{t('chart.noData')}</p>}
        </div>
      </section>
    </aside>
  );
});
