import { useRef, useState } from 'react';
import { importCells, type ImportReport } from '../api.js';
import { useConsoleT } from '../i18n/consoleI18n.js';

type Step =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'checked'; body: string; report: ImportReport }
  | { kind: 'importing' }
  | { kind: 'done'; accepted: number }
  | { kind: 'error'; message: string };

/** Grid-cell import: choose a GeoJSON file → dry run → accepted count and each rejection → confirm. */
export function ImportDialog() {
  const { t } = useConsoleT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const check = async (file: File) => {
    setStep({ kind: 'checking' });
    const body = await file.text();
    try {
      JSON.parse(body);
    } catch {
      return setStep({ kind: 'error', message: t('exchange.notJson') });
    }
    try {
      setStep({ kind: 'checked', body, report: await importCells(body, { dryRun: true }) });
    } catch (err) {
      setStep({ kind: 'error', message: t('exchange.failed', { message: (err as Error).message }) });
    }
  };
  const confirm = async (body: string) => {
    setStep({ kind: 'importing' });
    try {
      const report = await importCells(body, { dryRun: false });
      setStep({ kind: 'done', accepted: report.accepted });
    } catch (err) {
      setStep({ kind: 'error', message: t('exchange.failed', { message: (err as Error).message }) });
    }
  };

  return (
    <>
      <button type="button" className="btn" onClick={() => dialog.current?.showModal()}>
        {t('exchange.import')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="import-title" onClose={() => setStep({ kind: 'idle' })}>
        <h2 id="import-title">{t('exchange.importHeading')}</h2>
        <p className="muted">{t('exchange.importHint')}</p>
        <label className="file">
          <span>{t('exchange.file')}</span>
          <input type="file" accept=".geojson,.json,application/geo+json,application/json" data-testid="import-file" onChange={(e) => e.target.files?.[0] && void check(e.target.files[0])} />
        </label>
        <div role="status" aria-live="polite" className="import-status">
          {step.kind === 'checking' && <p>{t('exchange.checking')}</p>}
          {step.kind === 'importing' && <p>{t('exchange.importing')}</p>}
          {step.kind === 'done' && <p className="ok">{t('exchange.done', { n: step.accepted })}</p>}
          {step.kind === 'error' && <p className="error">{step.message}</p>}
          {step.kind === 'checked' && <ImportReportView report={step.report} />}
        </div>
        <div className="dialog-actions">
          {step.kind === 'checked' && step.report.accepted > 0 && (
            <button type="button" className="btn btn--primary" onClick={() => void confirm(step.body)}>
              {t('exchange.confirm', { n: step.report.accepted })}
            </button>
          )}
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            {t('close')}
          </button>
        </div>
      </dialog>
    </>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useConsoleT();
  return (
    <>
      <p className={report.accepted > 0 ? 'ok' : 'error'}>{t('exchange.accepted', { n: report.accepted })}</p>
      {report.rejected.length > 0 && (
        <>
          <p className="error">{t('exchange.rejected', { n: report.rejected.length })}</p>
          <ul className="rejections">
            {report.rejected.slice(0, 200).map((r) => (
              <li key={r.index}>
                <strong>
                  {t('exchange.feature', { index: r.index + 1 })}
                  {r.id ? ` (${r.id})` : ''}
                </strong>
                : {r.reasons.join('；')}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
