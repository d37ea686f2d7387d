import { useFieldT } from '../i18n/fieldI18n.js';
import type { ReportContext } from './context.js';
import { TextInput } from './inputs.js';
import { SubmitRow } from './SubmitRow.js';
import { useReportForm } from './useReportForm.js';
import { toNumber } from './validate.js';

const COUNTS = ['inboundPersons', 'outboundPersons', 'inboundVehicles', 'outboundVehicles', 'passesChecked', 'refused'] as const;
const EMPTY = { checkpointId: '', inboundPersons: '', outboundPersons: '', inboundVehicles: '', outboundVehicles: '', passesChecked: '', refused: '' };

/**
 * 卡口登记: increments since the last tally. The checkpoint is typed in (field state has no
 * checkpoints yet); it stays filled for the next tally at the same checkpoint.
 */
export function TallyForm({ ctx }: { ctx: ReportContext }) {
  const { t } = useFieldT();
  const form = useReportForm(EMPTY);
  const draft = () => ({ checkpointId: form.values.checkpointId.trim(), ...Object.fromEntries(COUNTS.map((k) => [k, toNumber(form.values[k])])) });
  return (
    <form
      className="field-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.run((d) => ctx.submit('checkpoint:tally', d), draft(), ['checkpointId']);
      }}
    >
      <TextInput label={t('tally.checkpointId')} hint={t('tally.checkpointHint')} value={form.values.checkpointId} onChange={form.set('checkpointId')} error={form.errors.checkpointId} testId="tally-checkpoint" />
      <div className="field-grid">
        {COUNTS.map((k) => (
          <TextInput key={k} label={t(`tally.${k}`)} mode="numeric" value={form.values[k]} onChange={form.set(k)} error={form.errors[k]} testId={`tally-${k}`} />
        ))}
      </div>
      <SubmitRow saved={form.saved} />
    </form>
  );
}
