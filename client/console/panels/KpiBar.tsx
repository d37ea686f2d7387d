import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell, Checkpoint, Incident, Team } from '../../../shared/entities.js';
import { formatNumber } from '../../i18n/format.js';
import { caseTotals, checkpointsOpen, teamsOnDuty } from '../../state/selectors.js';
import { useConsoleT } from '../i18n/consoleI18n.js';

/** Props of `KpiBar`: the shown (possibly past, possibly filtered) picture; null before the first one. */
export interface KpiBarProps {
  cells: Record<string, Cell> | null;
  checkpoints: readonly Checkpoint[] | null;
  teams: Record<string, Team> | null;
  incidents: readonly Incident[] | null;
  filtered: boolean;
}

/** Headline numbers of the shown moment: `data-testid` kpi-confirmed etc. with the raw number in `data-value`. */
export const KpiBar = memo(function KpiBar({ cells, checkpoints, teams, incidents, filtered }: KpiBarProps) {
  const { t } = useTranslation();
  const { t: ct, lang } = useConsoleT();
  const cases = useMemo(() => (cells ? caseTotals(cells) : null), [cells]);
  const open = useMemo(() => (checkpoints ? checkpointsOpen(Object.fromEntries(checkpoints.map((c) => [c.id, c]))) : null), [checkpoints]);
  const onDuty = useMemo(() => (teams ? teamsOnDuty(teams) : null), [teams]);
  const openIncidents = useMemo(() => (incidents ? incidents.filter((i) => i.status !== 'resolved').length : null), [incidents]);
  const tiles = [
    { id: 'confirmed', label: t('kpi.confirmed'), value: cases?.confirmed ?? null },
    { id: 'active', label: t('kpi.active'), value: cases?.active ?? null },
    { id: 'cured', label: t('kpi.cured'), value: cases?.cured ?? null },
    { id: 'deaths', label: t('kpi.deaths'), value: cases?.deaths ?? null },
    { id: 'checkpoints', label: t('kpi.checkpointsOpen'), value: open },
    { id: 'teams', label: t('kpi.teamsOnDuty'), value: onDuty },
    { id: 'incidents', label: ct('kpi.openIncidents'), value: openIncidents },
  ];
  return (
    <section className="c-kpis" aria-label="KPI">
      {tiles.map((tile) => (
        <div key={tile.id} className={`c-kpi kpi--${tile.id}`} data-testid={`kpi-${tile.id}`} data-value={tile.value ?? ''}>
          <div className="c-kpi-label">{tile.label}</div>
          <div className="c-kpi-value">{tile.value === null ? '—' : formatNumber(tile.value, lang)}</div>
        </div>
      ))}
      {filtered && <div className="c-kpi-filtered">{ct('kpi.filtered')}</div>}
    </section>
  );
});
