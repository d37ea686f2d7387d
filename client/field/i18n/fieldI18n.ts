import i18next from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { fieldEn } from './en.js';
import { fieldZhCN, type FieldResources } from './zhCN.js';

/** Every leaf key of the field strings, e.g. `sync.pending`. */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type FieldKey = Paths<FieldResources>;
export type FieldT = (key: FieldKey, vars?: Record<string, string | number>) => string;

const NS = 'field';

/** Adds the field strings to the app's i18next as their own namespace (client/i18n stays the wall's). */
export function registerFieldStrings(): void {
  if (i18next.hasResourceBundle('zh-CN', NS)) return;
  i18next.addResourceBundle('zh-CN', NS, fieldZhCN);
  i18next.addResourceBundle('en', NS, fieldEn);
}

const interpolate = (text: string, vars: Record<string, string | number> = {}) =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/**
 * Typed lookup in the `field` namespace. The app's i18next types know only the wall's namespace, so the
 * lookup goes through `getResource` and the key type comes from the zh-CN object.
 */
export function useFieldT(): { t: FieldT; lang: Lang } {
  const { i18n } = useTranslation(); // re-renders on languageChanged
  const lang: Lang = i18n.language === 'en' ? 'en' : DEFAULT_LANG;
  const t = useMemo<FieldT>(
    () => (key, vars) => {
      const text: unknown = i18n.getResource(lang, NS, key) ?? i18n.getResource(DEFAULT_LANG, NS, key);
      return typeof text === 'string' ? interpolate(text, vars) : key;
    },
    [i18n, lang],
  );
  return { t, lang };
}
