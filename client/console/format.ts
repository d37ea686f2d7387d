import type { Lang } from '../i18n/lang.js';

const TIME_ZONE = 'Asia/Shanghai';
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, kind: 'seconds' | 'hour'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    const date = lang === 'en' ? ({ month: '2-digit', day: '2-digit' } as const) : ({ month: 'numeric', day: 'numeric' } as const);
    const time = kind === 'seconds' ? ({ hour: '2-digit', minute: '2-digit', second: '2-digit' } as const) : ({ hour: '2-digit', minute: '2-digit' } as const);
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : lang, { timeZone: TIME_ZONE, hourCycle: 'h23', ...date, ...time });
    cache.set(key, f);
  }
  return f;
}

function parts(f: Intl.DateTimeFormat, epochMs: number): Record<string, string> {
  return Object.fromEntries(f.formatToParts(epochMs).map((x) => [x.type, x.value]));
}

/** An event time to the second, Asia/Shanghai: `2月10日 14:05:09` / `02-10 14:05:09`. */
export function formatEventTime(epochMs: number, lang: Lang): string {
  const p = parts(formatter(lang, 'seconds'), epochMs);
  return lang === 'en' ? `${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}` : `${p.month}月${p.day}日 ${p.hour}:${p.minute}:${p.second}`;
}

/** A chart tick, Asia/Shanghai: `2月10日 14:00` / `02-10 14:00`. */
export function formatTick(epochMs: number, lang: Lang): string {
  const p = parts(formatter(lang, 'hour'), epochMs);
  return lang === 'en' ? `${p.month}-${p.day} ${p.hour}:${p.minute}` : `${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}
