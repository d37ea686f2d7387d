import { formatScenarioTime } from '../../i18n/format.js';
import { useFieldT, type FieldKey } from '../i18n/fieldI18n.js';
import type { OutboxView } from '../outbox/outbox.js';
import type { FieldCommand } from '../outbox/queue.js';

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

/** Props of `SyncPanel`. */
export interface SyncPanelProps {
  view: OutboxView;
  offlineReady: boolean;
  onDismiss(reportId: string): void;
}

/** Reports waiting to be sent, the last successful sync, and each refused report with its reason. */
export function SyncPanel({ view, offlineReady, onDismiss }: SyncPanelProps) {
  const { t, lang } = useFieldT();
  return (
    <section className="field-card field-sync" aria-live="polite">
      <p className={view.pending ? 'field-sync-count is-pending' : 'field-sync-count'} data-testid="outbox-pending" data-count={view.pending}>
        {view.pending ? t('sync.pending', { n: view.pending }) : t('sync.allSent')}
      </p>
      <p className="field-note">
        {view.lastSyncAt ? t('sync.lastSync', { time: formatScenarioTime(view.lastSyncAt, lang) }) : t('sync.never')}
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
                <strong>{t(COMMAND_LABEL[item.name])}</strong> · {formatScenarioTime(item.createdAt, lang)}
                <br />
                {item.error && t(`serverErrors.${item.error.code}`)}
                {/* The server's detail (English) helps the command center when the team calls in. */}
                {item.error && <small lang="en"> ({item.error.message})</small>}
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
