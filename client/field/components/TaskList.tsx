import type { Task } from '../../../shared/entities.js';
import { formatScenarioTime, formatNumber } from '../../i18n/format.js';
import { useFieldT } from '../i18n/fieldI18n.js';
import type { OutboxItem } from '../outbox/queue.js';

/** Props of `TaskList`. */
export interface TaskListProps {
  tasks: readonly Task[];
  /** Queued reports, so an acknowledgement made offline shows at once. */
  queued: readonly OutboxItem[];
  onAcknowledge(task: Task): void;
  onComplete(task: Task): void;
}

const queuedFor = (queued: readonly OutboxItem[], name: OutboxItem['name'], taskId: string) =>
  queued.some((i) => i.name === name && i.status === 'pending' && (i.payload as { taskId?: string }).taskId === taskId);

/** The team's disinfection tasks (消杀任务) with 接单 and the disinfection record. */
export function TaskList({ tasks, queued, onAcknowledge, onComplete }: TaskListProps) {
  const { t, lang } = useFieldT();
  return (
    <section className="field-card" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">{t('tasks.heading')}</h2>
      {tasks.length === 0 && <p className="field-note">{t('tasks.none')}</p>}
      <ul className="field-tasks">
        {tasks.map((task) => {
          const open = task.status !== 'done' && task.status !== 'cancelled';
          const ackQueued = queuedFor(queued, 'task:acknowledge', task.id);
          const doneQueued = queuedFor(queued, 'task:complete', task.id);
          return (
            <li key={task.id} className="field-task" data-testid="task">
              <p className="field-task-name">{task.siteName}</p>
              <p className="field-note">
                {t(`tasks.site.${task.siteKind}`)} · {t(`tasks.status.${task.status}`)} · {t('tasks.area', { n: formatNumber(task.areaM2, lang) })}
                {task.dueAt !== null && ` · ${t('tasks.due', { time: formatScenarioTime(task.dueAt, lang) })}`}
              </p>
              {open && (
                <div className="field-task-actions">
                  {task.acknowledgedAt ? (
                    <span className="field-badge">{t('tasks.acknowledged')}</span>
                  ) : ackQueued ? (
                    <span className="field-badge is-pending">{t('tasks.ackPending')}</span>
                  ) : (
                    <button type="button" className="field-button" onClick={() => onAcknowledge(task)}>
                      {t('tasks.acknowledge')}
                    </button>
                  )}
                  {doneQueued ? (
                    <span className="field-badge is-pending">{t('tasks.donePending')}</span>
                  ) : (
                    <button type="button" className="field-button primary" onClick={() => onComplete(task)}>
                      {t('tasks.complete')}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
