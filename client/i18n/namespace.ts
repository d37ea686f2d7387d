import i18next from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG, type Lang } from './lang.js';

/** Every leaf key of a strings object, e.g. `users.heading`; records of strings allow any key under them. */
export type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : T[K] extends Record<string, string> ? `${P}${K}.${string}` | Paths<T[K], `${P}${K}.`> : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type NamespaceT<R> = (key: Paths<R>, vars?: Record<string, string | number>) => string;

const interpolate = (text: string, vars: Record<string, string | number> = {}) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/**
 * A lazy page's own strings as an i18next namespace (the main resources stay the wall's), with a
 * typed lookup: a misspelt key is a compile error. The console's strings work the same way.
 */
export function createNamespace<R extends object>(ns: string, zhCN: R, en: R) {
  const register = (): void => {
    if (i18next.hasResourceBundle('zh-CN', ns)) return;
    i18next.addResourceBundle('zh-CN', ns, zhCN);
    i18next.addResourceBundle('en', ns, en);
  };
  const useT = (): { t: NamespaceT<R>; lang: Lang } => {
    const { i18n } = useTranslation(); // re-renders on languageChanged
    const lang: Lang = i18n.language === 'en' ? 'en' : DEFAULT_LANG;
    const t = useMemo<NamespaceT<R>>(
      () => (key, vars) => {
        const text: unknown = i18n.getResource(lang, ns, key) ?? i18n.getResource(DEFAULT_LANG, ns, key);
        return typeof text === 'string' ? interpolate(text, vars) : key;
      },
      [i18n, lang],
    );
    return { t, lang };
  };
  return { register, useT };
}
