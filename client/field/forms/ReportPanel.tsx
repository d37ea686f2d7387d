import { useFieldT } from '../i18n/fieldI18n.js';
import { CompleteForm } from './CompleteForm.js';
import type { ReportContext } from './context.js';
import { IncidentForm } from './IncidentForm.js';
import { SupplyForm } from './SupplyForm.js';
import { TallyForm } from './TallyForm.js';
import { VisitForm } from './VisitForm.js';

export const REPORT_KINDS = ['incident', 'tally', 'visit', 'supply', 'complete'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Props of `ReportPanel`. */
export interface ReportPanelProps {
  ctx: ReportContext;
  kind: ReportKind;
  onKind(kind: ReportKind): void;
  /** Task the disinfection record is for, when opened from a task card. */
  taskId?: string;
}

/** One report form at a time, chosen with big tabs. */
export function ReportPanel({ ctx, kind, onKind, taskId }: ReportPanelProps) {
  const { t } = useFieldT();
  return (
    <section className="field-card" aria-labelledby="report-heading" id="report">
      <h2 id="report-heading">{t('report.heading')}</h2>
      <div className="field-tabs" role="tablist" aria-label={t('report.choose')}>
        {REPORT_KINDS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={k === kind} className={k === kind ? 'field-tab is-on' : 'field-tab'} onClick={() => onKind(k)} data-testid={`tab-${k}`}>
            {t(`report.kinds.${k}`)}
          </button>
        ))}
      </div>
      {kind === 'incident' && <IncidentForm ctx={ctx} />}
      {kind === 'tally' && <TallyForm ctx={ctx} />}
      {kind === 'visit' && <VisitForm ctx={ctx} />}
      {kind === 'supply' && <SupplyForm ctx={ctx} />}
      {kind === 'complete' && <CompleteForm key={taskId} ctx={ctx} taskId={taskId} />}
    </section>
  );
}
