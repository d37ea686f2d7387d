import { useTranslation } from 'react-i18next';
import { setLang } from '../i18n/i18n.js';

/** The zh-CN ⇄ English toggle of the full-screen sign-in and notice pages (top right). */
export function LangButton() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="auth-btn auth-lang" lang={lang === 'en' ? 'zh-CN' : 'en'} aria-label={t('lang.switchLabel')} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
      {t('lang.switchTo')}
    </button>
  );
}
