import { useId } from 'react';
import { useFieldT } from '../i18n/fieldI18n.js';
import type { ReportContext } from './context.js';
import { TextInput } from './inputs.js';
import { SubmitRow } from './SubmitRow.js';
import { useReportForm } from './useReportForm.js';
import { toNumber } from './validate.js';

const COUNTS = ['inboundPersons', 'outboundPersons', 'inboundVehicles', 'outboundVehicles', 'passesChecked', 'refused'] as const;
const EMPTY = { checkpointId: '', inboundPersons: '', outboundPersons: '', inboundVehicles: '', outboundVehicles: '', passesChecked: '', refused: '' };

/**
 * 卡口登记: increments since the last tally. The checkpoint is picked from those near the team
 * (or typed in); it stays filled for the next tally at the same checkpoint.
 */
export function TallyForm({ ctx }: { ctx: ReportContext }) {
  const { t } = useFieldT();
  const form = useReportForm(EMPTY);
  const listId = useId();
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
      <TextInput label={t('tally.checkpointId')} hint={t('tally.checkpointHint')} value={form.values.checkpointId} onChange={form.set('checkpointId')} error={form.errors.checkpointId} list={listId} testId="tally-checkpoint" />
      <datalist id={listId}>
        {ctx.checkpoints.map((c) => (
          <option key={c.id} value={c.id}>
            {c.distanceM === null ? c.name : `${c.name} · ${formatDistance(c.distanceM)}`}
          </option>
        ))}
      </datalist>
      <div className="field-grid">
        {COUNTS.map((k) => (
          <TextInput key={k} label={t(`tally.${k}`)} mode="numeric" value={form.values[k]} onChange={form.set(k)} error={form.errors[k]} testId={`tally-${k}`} />
        ))}
      </div>
      <SubmitRow saved={form.saved} />
    </form>
  );
}

function formatDistance(m: number): string {
  return m < 1000 ? `${m} m` : `${(m / 1000).toFixed(1)} km`;
}
