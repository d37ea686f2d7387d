import { useTranslation } from 'react-i18next';
import type { LinkStatus } from '../live/pictureStore.js';
import { liveness, type Liveness } from './liveness.js';
import { useNow } from './useNow.js';

/** Props of `LiveIndicator`. */
export interface LiveIndicatorProps {
  status: LinkStatus;
  /** Client time of the last snapshot or delta. */
  lastMessageAt: number | null;
}

/**
 * Green "实时 LIVE" only when data is fresh; otherwise an amber or red banner saying how old the data is,
 * and a frame around the whole screen so the state reads from across the room.
 */
export function LiveIndicator({ status, lastMessageAt }: LiveIndicatorProps) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const state = liveness(status, lastMessageAt, now);
  const level = state.kind === 'live' ? 'ok' : state.level;
  return (
    <>
      <div className={`live live--${level}`} data-testid="live-indicator" data-state={state.kind} role="status" aria-live="polite">
        <span className="live-dot" aria-hidden="true" />
        <span className="live-text">{message(state, t)}</span>
        {(state.kind === 'reconnecting' || state.kind === 'offline') && state.ageS !== null && (
          <span className="live-sub">{age(state.ageS, t)}</span>
        )}
      </div>
      {level !== 'ok' && <div className={`wall-frame wall-frame--${level}`} aria-hidden="true" />}
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function message(state: Liveness, t: T): string {
  switch (state.kind) {
    case 'live':
      return t('live.live');
    case 'connecting':
      return t('live.connecting');
    case 'stale':
      return age(state.ageS, t);
    case 'reconnecting':
      return t('live.reconnecting');
    case 'offline':
      return t('live.offline');
  }
}

function age(ageS: number, t: T): string {
  return ageS < 120 ? t('live.staleSeconds', { n: ageS }) : t('live.staleMinutes', { n: Math.floor(ageS / 60) });
}
