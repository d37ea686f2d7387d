import { useFieldT } from '../i18n/fieldI18n.js';

/** Submit button and the "saved, sent when there is signal" note under it. */
export function SubmitRow({ saved, disabled }: { saved: boolean; disabled?: boolean }) {
  const { t } = useFieldT();
  return (
    <div className="field-submit-row">
      <button type="submit" className="field-button primary" disabled={disabled} data-testid="report-submit">
        {t('report.submit')}
      </button>
      {saved && (
        <p className="field-note ok" role="status" data-testid="report-saved">
          {t('report.queued')}
        </p>
      )}
    </div>
  );
}
