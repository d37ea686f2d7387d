import { useFieldT } from '../i18n/fieldI18n.js';
import type { ReportContext } from './context.js';
import { Choice, TextInput } from './inputs.js';
import { SubmitRow } from './SubmitRow.js';
import { useReportForm } from './useReportForm.js';
import { toNumber } from './validate.js';

/** 消杀记录: closes one of the team's open tasks with the area, the disinfectant and notes. */
export function CompleteForm({ ctx, taskId }: { ctx: ReportContext; taskId?: string }) {
  const { t } = useFieldT();
  const open = ctx.tasks.filter((task) => task.status !== 'done' && task.status !== 'cancelled');
  const first = open.find((task) => task.id === taskId) ?? open[0];
  const form = useReportForm({ taskId: first?.id ?? '', areaM2: first ? String(first.areaM2) : '', agent: '', notes: '' });
  const v = form.values;
  if (!first) return <p className="field-note">{t('complete.noTask')}</p>;
  return (
    <form
      className="field-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.run((d) => ctx.submit('task:complete', d), { taskId: v.taskId, teamId: ctx.teamId, areaM2: toNumber(v.areaM2), agent: v.agent, notes: v.notes });
      }}
    >
      <Choice label={t('complete.task')} value={v.taskId} onChange={form.set('taskId')} options={open.map((task) => ({ value: task.id, label: task.siteName }))} />
      <TextInput label={t('complete.areaM2')} mode="decimal" value={v.areaM2} onChange={form.set('areaM2')} error={form.errors.areaM2} />
      <TextInput label={t('complete.agent')} hint={t('complete.agentHint')} value={v.agent} onChange={form.set('agent')} error={form.errors.agent} />
      <TextInput label={t('complete.notes')} multiline value={v.notes} onChange={form.set('notes')} error={form.errors.notes} />
      <SubmitRow saved={form.saved} />
    </form>
  );
}
