import { useTranslation } from 'react-i18next';
import { useConsoleT } from '../i18n/consoleI18n.js';
import { activeFilterCount, CHECKPOINT_STATUSES, NO_FILTERS, RISKS, TEAM_KINDS, toggle, type AreaOption, type ConsoleFilters } from '../model/filters.js';

/** Props of `FilterPanel`. */
export interface FilterPanelProps {
  filters: ConsoleFilters;
  districts: readonly AreaOption[];
  streets: readonly AreaOption[];
  onChange: (f: ConsoleFilters) => void;
}

/** Filters by district, street, risk, team kind and checkpoint status. */
export function FilterPanel({ filters, districts, streets, onChange }: FilterPanelProps) {
  const { t } = useConsoleT();
  const { t: wt } = useTranslation();
  const streetsHere = filters.district ? streets.filter((s) => s.district === filters.district) : streets;
  const count = activeFilterCount(filters);
  return (
    <fieldset className="panel-group">
      <legend>
        {t('filters.heading')}
        {count > 0 && <span className="badge">{count}</span>}
      </legend>
      <div className="field-row">
        <label>
          <span>{t('filters.district')}</span>
          <select value={filters.district ?? ''} onChange={(e) => onChange({ ...filters, district: e.target.value || null, street: null })} data-testid="filter-district">
            <option value="">{t('filters.all')}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {wt(`district.${d.code}`, { defaultValue: d.name })}
              </option>
            ))}
          </select>
        </label>
        <label title={t('filters.streetNote')}>
          <span>{t('filters.street')}</span>
          <select value={filters.street ?? ''} onChange={(e) => onChange({ ...filters, street: e.target.value || null })}>
            <option value="">{t('filters.all')}</option>
            {streetsHere.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Checks label={t('filters.risk')} all={RISKS} chosen={filters.risks} name={(r) => wt(`risk.${r}`)} onChange={(risks) => onChange({ ...filters, risks })} />
      <Checks label={t('filters.teamKind')} all={TEAM_KINDS} chosen={filters.teamKinds} name={(k) => wt(`team.${k}`)} onChange={(teamKinds) => onChange({ ...filters, teamKinds })} />
      <Checks label={t('filters.checkpointStatus')} all={CHECKPOINT_STATUSES} chosen={filters.checkpointStatuses} name={(s) => wt(`checkpoint.${s}`)} onChange={(checkpointStatuses) => onChange({ ...filters, checkpointStatuses })} />
      {count > 0 && (
        <button type="button" className="btn btn--small" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.clear')}
        </button>
      )}
    </fieldset>
  );
}

interface ChecksProps<T extends string> {
  label: string;
  all: readonly T[];
  chosen: readonly T[];
  name: (v: T) => string;
  onChange: (v: readonly T[]) => void;
}

function Checks<T extends string>({ label, all, chosen, name, onChange }: ChecksProps<T>) {
  return (
    <div className="checks" role="group" aria-label={label}>
      <span className="checks-label">{label}</span>
      {all.map((v) => (
        <label key={v} className="check check--chip">
          <input type="checkbox" checked={chosen.includes(v)} onChange={() => onChange(toggle(chosen, v))} />
          {name(v)}
        </label>
      ))}
    </div>
  );
}
