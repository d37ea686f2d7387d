import i18next from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { consoleEn } from './en.js';
import { consoleZhCN, type ConsoleResources } from './zhCN.js';

/** Every leaf key of the console strings, e.g. `replay.banner`. */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : T[K] extends Record<string, string> ? `${P}${K}.${string}` | Paths<T[K], `${P}${K}.`> : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ConsoleKey = Paths<ConsoleResources>;
export type ConsoleT = (key: ConsoleKey, vars?: Record<string, string | number>) => string;

const NS = 'console';

/** Adds the console strings to the app's i18next as their own namespace (client/i18n stays the wall's). */
export function registerConsoleStrings(): void {
  if (i18next.hasResourceBundle('zh-CN', NS)) return;
  i18next.addResourceBundle('zh-CN', NS, consoleZhCN);
  i18next.addResourceBundle('en', NS, consoleEn);
}

const interpolate = (text: string, vars: Record<string, string | number> = {}) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/** Typed lookup in the `console` namespace (same approach as the field app's `useFieldT`). */
export function useConsoleT(): { t: ConsoleT; lang: Lang } {
  const { i18n } = useTranslation(); // re-renders on languageChanged
  const lang: Lang = i18n.language === 'en' ? 'en' : DEFAULT_LANG;
  const t = useMemo<ConsoleT>(
    () => (key, vars) => {
      const text: unknown = i18n.getResource(lang, NS, key) ?? i18n.getResource(DEFAULT_LANG, NS, key);
      return typeof text === 'string' ? interpolate(text, vars) : key;
    },
    [i18n, lang],
  );
  return { t, lang };
}
