/** Interface languages; zh-CN is the default for the users. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** Language from a `?lang=` query: `en…` → en, `zh…` → zh-CN, anything else → the default. */
export function langFromSearch(search: string): Lang {
  const value = new URLSearchParams(search).get('lang')?.toLowerCase() ?? '';
  if (value.startsWith('en')) return 'en';
  return DEFAULT_LANG;
}
