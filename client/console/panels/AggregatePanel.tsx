import { useConsoleT } from '../i18n/consoleI18n.js';
import { formatNumber } from '../../i18n/format.js';
import { AREA_LEVELS, CHOROPLETH_COLORS, NUMERIC_FIELDS, type Choropleth, type NumericField } from '../model/aggregate.js';
import type { Aggregation } from '../useConsoleData.js';
import { cssRgb } from '../../map/layers/colors.js';

/** Props of `AggregatePanel`. */
export interface AggregatePanelProps {
  aggregation: Aggregation;
  choropleth: Choropleth | null;
  onChange: (a: Aggregation) => void;
}

/** Area level and the numeric field of the choropleth, with its class legend. */
export function AggregatePanel({ aggregation, choropleth, onChange }: AggregatePanelProps) {
  const { t, lang } = useConsoleT();
  const { level, field } = aggregation;
  const breaks = choropleth?.breaks ?? [];
  return (
    <fieldset className="panel-group">
      <legend>{t('aggregate.heading')}</legend>
      <div className="field-row field-row--one">
        <label>
          <span>{t('aggregate.field')}</span>
          <select value={field ?? ''} onChange={(e) => onChange({ level, field: (e.target.value || null) as NumericField | null })} data-testid="choropleth-field">
            <option value="">{t('aggregate.fieldNone')}</option>
            {NUMERIC_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`aggregate.fields.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="segmented" role="radiogroup" aria-label={t('aggregate.level')}>
        {AREA_LEVELS.map((l) => (
          <label key={l} className={l === level ? 'seg seg--on' : 'seg'}>
            <input type="radio" name="area-level" value={l} checked={l === level} onChange={() => onChange({ level: l, field })} />
            {t(`aggregate.levels.${l}`)}
          </label>
        ))}
      </div>
      {choropleth && (
        <div className="choro-legend" aria-label={t('legend.choropleth', { field: t(`aggregate.fields.${field ?? 'confirmed'}`), level: t(`aggregate.levels.${level}`) })}>
          <span className="key-item">
            <span className="key-dot key-dot--square key-dot--empty" />
            {t('legend.noValue')}
          </span>
          {[0, ...breaks].map((from, i) => {
            const to = breaks[i];
            const color = CHOROPLETH_COLORS[i];
            if (!color) return null;
            return (
              <span key={i} className="key-item">
                <span className="key-dot key-dot--square" style={{ background: cssRgb(color) }} />
                {to === undefined ? `≥ ${formatNumber(Math.max(from, 1), lang)}` : `${formatNumber(Math.max(from, 1), lang)}–${formatNumber(Math.max(to - 1, Math.max(from, 1)), lang)}`}
              </span>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
