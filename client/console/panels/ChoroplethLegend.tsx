import { formatNumber } from '../../i18n/format.js';
import { cssRgb } from '../../map/layers/colors.js';
import { useConsoleT } from '../i18n/consoleI18n.js';
import { CHOROPLETH_COLORS, type AreaLevel, type Choropleth, type NumericField } from '../model/aggregate.js';

/** Props of `ChoroplethLegend`. */
export interface ChoroplethLegendProps {
  choropleth: Choropleth;
  field: NumericField;
  level: AreaLevel;
}

/** The choropleth's classes on the map, each colour with its value range in text. */
export function ChoroplethLegend({ choropleth, field, level }: ChoroplethLegendProps) {
  const { t, lang } = useConsoleT();
  const n = (v: number) => formatNumber(v, lang);
  const { breaks } = choropleth;
  const title = t('legend.choropleth', { field: t(`aggregate.fields.${field}`), level: t(`aggregate.levels.${level}`) });
  return (
    <div className="map-legend" data-testid="choropleth-legend">
      <h3>{title}</h3>
      <div className="choro-legend">
        <span className="key-item">
          <span className="key-dot key-dot--square key-dot--empty" />
          {t('legend.noValue')}
        </span>
        {[0, ...breaks].map((from, i) => {
          const color = CHOROPLETH_COLORS[i];
          if (!color) return null;
          const lo = Math.max(from, 1);
          const to = breaks[i];
          return (
            <span key={i} className="key-item">
              <span className="key-dot key-dot--square" style={{ background: cssRgb(color) }} />
              {to === undefined ? `≥ ${n(lo)}` : to - 1 > lo ? `${n(lo)}–${n(to - 1)}` : n(lo)}
            </span>
          );
        })}
      </div>
    </div>
  );
}
