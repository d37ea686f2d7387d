import { useFieldT } from '../i18n/fieldI18n.js';
import type { ReportContext } from './context.js';
import { TextInput } from './inputs.js';
import { SubmitRow } from './SubmitRow.js';
import { useReportForm } from './useReportForm.js';
import { toNumber } from './validate.js';

/** 网格走访: households visited, fever found, supplies delivered in one grid cell. */
export function VisitForm({ ctx }: { ctx: ReportContext }) {
  const { t } = useFieldT();
  const form = useReportForm({ cellId: '', householdsVisited: '', feverFound: '', suppliesDelivered: '' });
  const v = form.values;
  return (
    <form
      className="field-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const draft = { cellId: v.cellId.trim(), teamId: ctx.teamId, householdsVisited: toNumber(v.householdsVisited), feverFound: toNumber(v.feverFound), suppliesDelivered: toNumber(v.suppliesDelivered) };
        void form.run((d) => ctx.submit('cell:visit', d), draft, ['cellId']);
      }}
    >
      <TextInput label={t('visit.cellId')} value={v.cellId} onChange={form.set('cellId')} error={form.errors.cellId} testId="visit-cell" />
      <div className="field-grid">
        <TextInput label={t('visit.householdsVisited')} mode="numeric" value={v.householdsVisited} onChange={form.set('householdsVisited')} error={form.errors.householdsVisited} />
        <TextInput label={t('visit.feverFound')} mode="numeric" value={v.feverFound} onChange={form.set('feverFound')} error={form.errors.feverFound} />
        <TextInput label={t('visit.suppliesDelivered')} mode="numeric" value={v.suppliesDelivered} onChange={form.set('suppliesDelivered')} error={form.errors.suppliesDelivered} />
      </div>
      <SubmitRow saved={form.saved} />
    </form>
  );
}
