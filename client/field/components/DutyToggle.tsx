import type { GeoProblem } from '../geo/usePositionSharing.js';
import { useNow } from '../../wall/useNow.js';
import { useFieldT } from '../i18n/fieldI18n.js';
import { formatDeviceTime } from './formatTime.js';

/** Props of `DutyToggle`. */
export interface DutyToggleProps {
  onDuty: boolean;
  onChange(onDuty: boolean): void;
  lastFix: GeolocationPosition | null;
  problem: GeoProblem;
}

/** One big switch: on duty shares the position, off duty does not even ask the GPS. */
export function DutyToggle({ onDuty, onChange, lastFix, problem }: DutyToggleProps) {
  const { t, lang } = useFieldT();
  const now = useNow(60_000);
  const fix = lastFix ? t('duty.fix', { m: Math.round(lastFix.coords.accuracy), time: formatDeviceTime(lastFix.timestamp, now, lang) }) : t('duty.noFix');
  return (
    <section className={onDuty ? 'field-card field-duty is-on' : 'field-card field-duty'}>
      <p className="field-duty-state" data-testid="duty-state">
        {onDuty ? t('duty.on') : t('duty.off')}
      </p>
      {onDuty && <p className={problem ? 'field-note warn' : 'field-note'}>{problem ? t(`duty.${problem}`) : fix}</p>}
      <button type="button" className={onDuty ? 'field-button' : 'field-button primary'} aria-pressed={onDuty} onClick={() => onChange(!onDuty)} data-testid="duty-toggle">
        {onDuty ? t('duty.stop') : t('duty.start')}
      </button>
    </section>
  );
}
