import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell, Checkpoint, Team } from '../../shared/entities.js';
import { formatNumber } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { caseTotals, checkpointsOpen, teamsOnDuty } from '../state/selectors.js';

/** Props of `KpiStrip`; `null` kinds show a dash until the first snapshot. */
export interface KpiStripProps {
  cells: Record<string, Cell> | null;
  checkpoints: Record<string, Checkpoint> | null;
  teams: Record<string, Team> | null;
  lang: Lang;
}

interface Tile {
  id: string;
  label: string;
  value: number | null;
  note?: string;
}

/**
 * The six headline numbers: `data-testid` kpi-confirmed, -active, -cured, -deaths, -checkpoints, -teams,
 * with the raw number in `data-value`.
 */
export const KpiStrip = memo(function KpiStrip({ cells, checkpoints, teams, lang }: KpiStripProps) {
  const { t } = useTranslation();
  const cases = useMemo(() => (cells ? caseTotals(cells) : null), [cells]);
  const open = useMemo(() => (checkpoints ? checkpointsOpen(checkpoints) : null), [checkpoints]);
  const onDuty = useMemo(() => (teams ? teamsOnDuty(teams) : null), [teams]);
  const tiles: Tile[] = [
    { id: 'confirmed', label: t('kpi.confirmed'), value: cases?.confirmed ?? null },
    { id: 'active', label: t('kpi.active'), value: cases?.active ?? null },
    { id: 'cured', label: t('kpi.cured'), value: cases?.cured ?? null },
    { id: 'deaths', label: t('kpi.deaths'), value: cases?.deaths ?? null },
    { id: 'checkpoints', label: t('kpi.checkpointsOpen'), value: open, note: t('kpi.checkpointsOpenNote', { total: count(checkpoints) }) },
    { id: 'teams', label: t('kpi.teamsOnDuty'), value: onDuty, note: t('kpi.teamsOnDutyNote', { total: count(teams) }) },
  ];
  return (
    <section className="kpis">
      {tiles.map((tile) => (
        <div key={tile.id} className={`kpi kpi--${tile.id}`}>
          {/* The test id wraps label and number only, so the digits in the note never mix into a reading. */}
          <div data-testid={`kpi-${tile.id}`} data-value={tile.value ?? ''}>
            <div className="kpi-label">{tile.label}</div>
            <div className="kpi-value">{tile.value === null ? '—' : formatNumber(tile.value, lang)}</div>
          </div>
          {tile.note && <div className="kpi-note">{tile.note}</div>}
        </div>
      ))}
    </section>
  );
});

function count(record: Record<string, unknown> | null): string {
  return record ? String(Object.keys(record).length) : '—';
}
