import { useNow } from '../../wall/useNow.js';
import { useFieldT, type FieldKey } from '../i18n/fieldI18n.js';
import type { OutboxView } from '../outbox/outbox.js';
import type { FieldCommand, OutboxItem } from '../outbox/queue.js';
import { formatDeviceTime } from './formatTime.js';

const COMMAND_LABEL = {
  'position:report': 'commands.position_report',
  'incident:create': 'commands.incident_create',
  'checkpoint:tally': 'commands.checkpoint_tally',
  'cell:visit': 'commands.cell_visit',
  'task:acknowledge': 'commands.task_acknowledge',
  'task:complete': 'commands.task_complete',
  'supply:deliver': 'commands.supply_deliver',
  'team:setStatus': 'commands.team_setStatus',
} as const satisfies Record<FieldCommand, FieldKey>;

/** The id a refused report was about (checkpoint, cell or task), so the team can tell which one. */
function subjectOf(item: OutboxItem): string | null {
  const p = item.payload as { checkpointId?: string; cellId?: string; taskId?: string };
  return p.checkpointId ?? p.cellId ?? p.taskId ?? null;
}

/** Props of `SyncPanel`. */
export interface SyncPanelProps {
  view: OutboxView;
  offlineReady: boolean;
  onDismiss(reportId: string): void;
}

/** Reports waiting to be sent, the last successful sync, and each refused report with its reason. */
export function SyncPanel({ view, offlineReady, onDismiss }: SyncPanelProps) {
  const { t, lang } = useFieldT();
  const now = useNow(60_000); // only decides whether a time is today
  return (
    <section className="field-card field-sync" aria-live="polite">
      <p className={view.pending ? 'field-sync-count is-pending' : 'field-sync-count'} data-testid="outbox-pending" data-count={view.pending}>
        {view.pending ? t('sync.pending', { n: view.pending }) : t('sync.allSent')}
      </p>
      <p className="field-note">
        {view.lastSyncAt ? t('sync.lastSync', { time: formatDeviceTime(view.lastSyncAt, now, lang) }) : t('sync.never')}
        {offlineReady && (
          <span className="field-offline-ready" data-testid="offline-ready">
            {' · '}
            {t('sync.offlineReady')}
          </span>
        )}
      </p>
      {view.failed.length > 0 && (
        <ul className="field-failed" data-testid="outbox-failed">
          <li className="field-failed-title">{t('sync.failed')}</li>
          {view.failed.map((item) => (
            <li key={item.reportId}>
              <span>
                <strong>{t(COMMAND_LABEL[item.name])}</strong>
                {subjectOf(item) && ` · ${subjectOf(item)}`} · {formatDeviceTime(item.createdAt, now, lang)}
                <br />
                {item.error && t(`serverErrors.${item.error.code}`)}
                {/* The server's detail is English: shown in the English interface only. */}
                {item.error && lang === 'en' && <small> ({item.error.message})</small>}
              </span>
              <button type="button" className="field-button small" onClick={() => onDismiss(item.reportId)}>
                {t('sync.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
