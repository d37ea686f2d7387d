import { useConsoleT } from '../i18n/consoleI18n.js';
import { formatEventTime } from '../format.js';
import type { EntityEvent } from '../model/history.js';
import type { EventsState } from './useEntityEvents.js';

/** Props of `EventList`. */
export interface EventListProps {
  events: EventsState;
  replaying: boolean;
}

/** Recent events with actor, device and server time; late and out-of-order data marked. */
export function EventList({ events, replaying }: EventListProps) {
  const { t, lang } = useConsoleT();
  return (
    <section className="details-section">
      <h3>
        {t('details.events')}
        {replaying && <span className="details-sub">{t('details.asOf')}</span>}
      </h3>
      {events === null && <p className="muted">{t('loading')}</p>}
      {events === 'failed' && <p className="muted">{t('details.eventsFailed')}</p>}
      {Array.isArray(events) && events.length === 0 && <p className="muted">{t('details.noEvents')}</p>}
      {Array.isArray(events) && events.length > 0 && (
        <ol className="events" data-testid="entity-events">
          {events.slice(0, 40).map((e) => (
            <EventRow key={e.seq} e={e} t={t} lang={lang} />
          ))}
        </ol>
      )}
    </section>
  );
}

function EventRow({ e, t, lang }: { e: EntityEvent; t: ReturnType<typeof useConsoleT>['t']; lang: ReturnType<typeof useConsoleT>['lang'] }) {
  const typeName = t(`values.eventType.${e.type}`);
  return (
    <li className={e.late || e.outOfOrder ? 'event event--late' : 'event'}>
      <div className="event-head">
        <span className="event-type">{typeName.startsWith('values.') ? e.type : typeName}</span>
        {e.late && <span className="tag tag--late">{t('details.late')}</span>}
        {e.outOfOrder && <span className="tag tag--late">{t('details.outOfOrder')}</span>}
        <span className="event-seq">#{e.seq}</span>
      </div>
      <dl className="event-meta">
        <dt>{t('details.actor')}</dt>
        <dd>{e.actor}</dd>
        <dt>{t('details.deviceTime')}</dt>
        <dd>{e.deviceTime === null ? '—' : formatEventTime(e.deviceTime, lang)}</dd>
        <dt>{t('details.serverTime')}</dt>
        <dd>{formatEventTime(e.serverTime, lang)}</dd>
      </dl>
    </li>
  );
}
