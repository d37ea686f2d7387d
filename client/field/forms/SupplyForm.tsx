import { useFieldT } from '../i18n/fieldI18n.js';
import type { ReportContext } from './context.js';
import { TextInput } from './inputs.js';
import { SubmitRow } from './SubmitRow.js';
import { useReportForm } from './useReportForm.js';
import { toNumber } from './validate.js';

/** 生活物资配送: households supplied and what they got; located at the last fix when there is one. */
export function SupplyForm({ ctx }: { ctx: ReportContext }) {
  const { t } = useFieldT();
  const form = useReportForm({ households: '', items: '', cellId: '', note: '' });
  const v = form.values;
  return (
    <form
      className="field-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const cellId = v.cellId.trim();
        const draft = { teamId: ctx.teamId, households: toNumber(v.households), items: v.items, note: v.note, ...(cellId && { cellId }), ...(ctx.position && { position: ctx.position }) };
        void form.run((d) => ctx.submit('supply:deliver', d), draft, ['cellId']);
      }}
    >
      <TextInput label={t('supply.households')} mode="numeric" value={v.households} onChange={form.set('households')} error={form.errors.households} />
      <TextInput label={t('supply.items')} hint={t('supply.itemsHint')} value={v.items} onChange={form.set('items')} error={form.errors.items} />
      <TextInput label={t('supply.cellId')} value={v.cellId} onChange={form.set('cellId')} error={form.errors.cellId} />
      <TextInput label={t('supply.note')} multiline value={v.note} onChange={form.set('note')} error={form.errors.note} />
      <SubmitRow saved={form.saved} />
    </form>
  );
}
