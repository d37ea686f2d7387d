import { IncidentKind, Severity } from '../../../shared/entities.js';
import { useFieldT } from '../i18n/fieldI18n.js';
import type { ReportContext } from './context.js';
import { Choice, TextInput } from './inputs.js';
import { SubmitRow } from './SubmitRow.js';
import { useReportForm } from './useReportForm.js';

type Kind = (typeof IncidentKind.options)[number];
type Level = (typeof Severity.options)[number];

/** 事件: forced passage, fever, supply shortage, crowding or other, at the team's last fix. */
export function IncidentForm({ ctx }: { ctx: ReportContext }) {
  const { t } = useFieldT();
  const form = useReportForm({ kind: 'forced_passage', severity: 'medium', note: '' });
  const { position } = ctx;
  return (
    <form
      className="field-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!position) return;
        void form.run((d) => ctx.submit('incident:create', d), { kind: form.values.kind, severity: form.values.severity, note: form.values.note, position, teamId: ctx.teamId });
      }}
    >
      <Choice<Kind> label={t('incident.kind')} value={form.values.kind as Kind} onChange={form.set('kind')} options={IncidentKind.options.map((k) => ({ value: k, label: t(`incident.kinds.${k}`) }))} />
      <Choice<Level> label={t('incident.severity')} value={form.values.severity as Level} onChange={form.set('severity')} options={Severity.options.map((s) => ({ value: s, label: t(`incident.severities.${s}`) }))} />
      <TextInput label={t('incident.note')} multiline value={form.values.note} onChange={form.set('note')} error={form.errors.note} testId="incident-note" />
      <p className={position ? 'field-note' : 'field-note warn'}>
        {position ? `${t('incident.location')} ${position[1].toFixed(5)}, ${position[0].toFixed(5)}` : t('incident.noLocation')}
      </p>
      <SubmitRow saved={form.saved} disabled={!position} />
    </form>
  );
}
