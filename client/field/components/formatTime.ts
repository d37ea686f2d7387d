import { formatScenarioTime } from '../../i18n/format.js';
import type { Lang } from '../../i18n/lang.js';

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A device time on a phone: `14:05` today (Asia/Shanghai), the house date format otherwise. */
export function formatDeviceTime(at: number, now: number, lang: Lang): string {
  const full = formatScenarioTime(at, lang);
  return DAY.format(at) === DAY.format(now) ? full.slice(-5) : full;
}
