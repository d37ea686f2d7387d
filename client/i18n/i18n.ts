import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { DEFAULT_LANG, langFromSearch, type Lang } from './lang.js';
import { zhCN } from './zhCN.js';

/**
 * Starts i18next with the language from `?lang=` and keeps `<html lang>` in step with it.
 * Call once, before the first render.
 */
export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    document.title = i18next.t('app.title');
  });
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: langFromSearch(window.location.search),
    fallbackLng: DEFAULT_LANG,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}

/** Switches language and records it in the URL, so a reload (or the wall's autostart URL) keeps it. */
export function setLang(lang: Lang): void {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', lang === 'en' ? 'en' : 'zh-CN');
  window.history.replaceState(null, '', url);
  void i18next.changeLanguage(lang);
}

declare module 'i18next' {
  // Typed keys: a missing or misspelt key is a compile error, not a blank tile on the wall.
  interface CustomTypeOptions {
    resources: { translation: typeof zhCN };
  }
}
