import { useConsoleT } from '../i18n/consoleI18n.js';
import { AREA_LEVELS, NUMERIC_FIELDS, type NumericField } from '../model/aggregate.js';
import type { Aggregation } from '../useConsoleData.js';

/** Props of `AggregatePanel`. */
export interface AggregatePanelProps {
  aggregation: Aggregation;
  onChange: (a: Aggregation) => void;
}

/** Area level and the numeric field of the choropleth. */
export function AggregatePanel({ aggregation, onChange }: AggregatePanelProps) {
  const { t } = useConsoleT();
  const { level, field } = aggregation;
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
    </fieldset>
  );
}
