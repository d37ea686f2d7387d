import { useCallback, useMemo, useState } from 'react';
import type { AuditEntry } from '../../shared/auth.js';
import { listAudit } from './adminApi.js';
import { Feedback } from './Feedback.js';
import { useAdminT } from './i18n/adminI18n.js';
import { filterAudit, formatAuditTime } from './model/audit.js';
import { useAdminList } from './useAdmin.js';

type Source = AuditEntry['source'] | 'all';
const SOURCES: Source[] = ['access', 'change', 'all'];

/** Who did what and when: sign-ins, tokens, account changes and the event log's changes, newest first. */
export function AuditPanel() {
  const { t } = useAdminT();
  // Access events by default: a busy log's position reports would push the sign-ins out of the page.
  const [source, setSource] = useState<Source>('access');
  const audit = useAdminList(useCallback(() => listAudit(500, source === 'all' ? undefined : source), [source]));
  const [text, setText] = useState('');
  const shown = useMemo(() => filterAudit(audit.items ?? [], text, source), [audit.items, text, source]);
  return (
    <section className="admin-panel" aria-labelledby="audit-h">
      <h2 id="audit-h">{t('tabs.audit')}</h2>
      <div className="admin-form">
        <label className="admin-field">
          <span>{t('audit.source')}</span>
          <select value={source} onChange={(e) => setSource(e.target.value as Source)} data-testid="audit-source">
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`audit.sources.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field admin-field--wide">
          <span>{t('audit.filter')}</span>
          <input type="search" placeholder={t('audit.filterHint')} value={text} onChange={(e) => setText(e.target.value)} data-testid="audit-filter" />
        </label>
        <button type="button" className="btn" onClick={audit.reload}>
          {t('common.refresh')}
        </button>
        {audit.items && <span className="admin-hint">{t('audit.shown', { n: shown.length, total: audit.items.length })}</span>}
      </div>
      <Feedback error={audit.error} />
      <table className="admin-table admin-table--audit" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t('audit.time')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.target')}</th>
            <th>{t('audit.ok')}</th>
            <th>{t('audit.ip')}</th>
            <th>{t('audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={`${e.at}:${e.seq ?? ''}:${i}`} className={e.ok ? undefined : 'is-failed'}>
              <td className="nowrap mono">{formatAuditTime(e.at)}</td>
              <td className="mono">{e.actor}</td>
              <td className="mono">{e.action}</td>
              <td className="mono">{e.target || '—'}</td>
              <td>{e.ok ? t('audit.success') : <strong>{t('audit.failure')}</strong>}</td>
              <td className="mono">{e.ip ?? '—'}</td>
              <td>{e.detail ?? (e.seq === null ? '' : `#${e.seq}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {audit.items === null && !audit.error && <p className="admin-hint">{t('common.loading')}</p>}
    </section>
  );
}
