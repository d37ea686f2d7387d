import { setLang } from '../../i18n/i18n.js';
import { useFieldT } from '../i18n/fieldI18n.js';
import type { LinkStatus } from '../live/fieldSocket.js';

/** Title, link state and the language toggle. */
export function FieldHeader({ link }: { link: LinkStatus | null }) {
  const { t, lang } = useFieldT();
  const other = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <header className="field-header">
      <h1>{t('title')}</h1>
      <button type="button" className="field-button small" lang={other} aria-label={t('lang.switchLabel')} onClick={() => setLang(other)}>
        {t('lang.switchTo')}
      </button>
      {link && (
        <p className={`field-link is-${link}`} role="status" data-testid="link-status">
          {t(`link.${link}`)}
        </p>
      )}
    </header>
  );
}
