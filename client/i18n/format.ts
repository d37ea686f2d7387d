import type { Lang } from './lang.js';

const TIME_ZONE = 'Asia/Shanghai';
const numberFormats = new Map<Lang, Intl.NumberFormat>();
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** 49991 → `49,991`. */
export function formatNumber(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(n);
}

/** An instant in Asia/Shanghai: `2020年3月12日 14:05` (zh-CN), `2020-03-12 14:05` (en). */
export function formatScenarioTime(epochMs: number, lang: Lang): string {
  let f = dateFormats.get(lang);
  if (!f) {
    const style = lang === 'en' ? ({ month: '2-digit', day: '2-digit' } as const) : ({ month: 'long', day: 'numeric' } as const);
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : lang, { timeZone: TIME_ZONE, year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...style });
    dateFormats.set(lang, f);
  }
  if (lang === 'zh-CN') return f.format(epochMs);
  // en-CA gives ISO order, but joins date and time with ", "; build the house format from parts.
  const p = Object.fromEntries(f.formatToParts(epochMs).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `YYYY-MM-DD` → a short axis label: `3月12日` / `03-12`. */
export function formatShortDate(date: string, lang: Lang): string {
  const [, m, d] = date.split('-');
  return lang === 'en' ? `${m}-${d}` : `${Number(m)}月${Number(d)}日`;
}
