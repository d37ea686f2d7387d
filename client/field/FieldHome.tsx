import { useCallback, useState, useSyncExternalStore } from 'react';
import type { Task } from '../../shared/entities.js';
import type { FieldState } from '../../shared/protocol.js';
import { DutyToggle } from './components/DutyToggle.js';
import { SyncPanel } from './components/SyncPanel.js';
import { TaskList } from './components/TaskList.js';
import { TeamCard } from './components/TeamCard.js';
import type { ReportContext } from './forms/context.js';
import { ReportPanel, type ReportKind } from './forms/ReportPanel.js';
import { usePositionSharing } from './geo/usePositionSharing.js';
import { useFieldT } from './i18n/fieldI18n.js';
import type { FieldRuntime } from './runtime.js';
import { useOnDuty } from './useOnDuty.js';
import { useReporter } from './useReporter.js';

/** Props of `FieldHome`. */
export interface FieldHomeProps {
  runtime: FieldRuntime;
  state: FieldState;
  cached: boolean;
  offlineReady: boolean;
  onSignOut(): void;
}

/** The signed-in page: team, outbox, duty switch, tasks and the report forms. */
export function FieldHome({ runtime, state, cached, offlineReady, onSignOut }: FieldHomeProps) {
  const { t } = useFieldT();
  const teamId = state.team.id;
  const view = useSyncExternalStore(runtime.outbox.subscribe, runtime.outbox.getView);
  const { submit, reportPosition } = useReporter(runtime, teamId);
  const [kind, setKind] = useState<ReportKind>('incident');
  const [taskId, setTaskId] = useState<string | undefined>();

  const switchDuty = useCallback((on: boolean) => void submit('team:setStatus', { teamId, status: on ? 'on_duty' : 'off_duty' }), [submit, teamId]);
  const [onDuty, setOnDuty] = useOnDuty(switchDuty);
  const { lastFix, problem } = usePositionSharing({ teamId, enabled: onDuty, onReport: reportPosition });

  const ctx: ReportContext = { teamId, tasks: state.tasks, checkpoints: state.checkpoints ?? [], submit, position: lastFix ? [lastFix.coords.longitude, lastFix.coords.latitude] : null };
  const complete = (task: Task) => {
    setTaskId(task.id);
    setKind('complete');
    document.getElementById('report')?.scrollIntoView({ behavior: 'smooth' });
  };

  return (
    <>
      <TeamCard team={state.team} cached={cached} />
      <SyncPanel view={view} offlineReady={offlineReady} onDismiss={(id) => void runtime.outbox.dismiss(id)} />
      <DutyToggle onDuty={onDuty} onChange={setOnDuty} lastFix={lastFix} problem={problem} />
      <TaskList tasks={state.tasks} queued={view.items} onAcknowledge={(task) => void submit('task:acknowledge', { taskId: task.id, teamId })} onComplete={complete} />
      <ReportPanel ctx={ctx} kind={kind} onKind={setKind} taskId={taskId} />
      <button
        type="button"
        className="field-button subtle"
        onClick={() => {
          if (window.confirm(t('signIn.signOutConfirm'))) onSignOut();
        }}
      >
        {t('signIn.signOut')}
      </button>
    </>
  );
}
