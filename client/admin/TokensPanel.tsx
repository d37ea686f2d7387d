import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedToken } from '../../shared/auth.js';
import { wallLink } from '../auth/wallToken.js';
import { issueToken, listTokens, revokeToken } from './adminApi.js';
import { ConfirmButton } from './ConfirmButton.js';
import { Feedback } from './Feedback.js';
import { useAdminT } from './i18n/adminI18n.js';
import { formatAuditTime } from './model/audit.js';
import { TOKEN_KINDS, tokenRequest, type TokenForm } from './model/tokenForm.js';
import { SecretOnce } from './SecretOnce.js';
import { TeamInput } from './TeamInput.js';
import { useAction, useAdminList } from './useAdmin.js';

const EMPTY: TokenForm = { kind: 'wall', label: '', teamId: '', role: 'analyst' };

/** Wall, device and service tokens: issue (secret shown once, with a ready wall link), list, revoke. */
export function TokensPanel() {
  const { t } = useAdminT();
  const { t: at } = useTranslation();
  const tokens = useAdminList(listTokens);
  const action = useAction();
  const [form, setForm] = useState(EMPTY);
  const [issued, setIssued] = useState<IssuedToken | null>(null);

  const issue = async () => {
    const ok = await action.run(async () => setIssued(await issueToken(tokenRequest(form))));
    if (ok) setForm((f) => ({ ...f, label: '' }));
    tokens.reload();
  };
  const revoke = (id: string) => void action.run(() => revokeToken(id)).then(tokens.reload);

  return (
    <section className="admin-panel" aria-labelledby="tokens-h">
      <h2 id="tokens-h">{t('tabs.tokens')}</h2>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void issue();
        }}
      >
        <label className="admin-field">
          <span>{t('tokens.kind')}</span>
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as TokenForm['kind'] })} data-testid="token-kind">
            {TOKEN_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`tokens.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field admin-field--wide">
          <span>{t('common.label')}</span>
          <input required maxLength={80} placeholder={t('tokens.labelHint')} value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} data-testid="token-label" />
        </label>
        {form.kind === 'device' && <TeamInput value={form.teamId} onChange={(teamId) => setForm({ ...form, teamId })} testId="token-team" />}
        {form.kind === 'service' && (
          <label className="admin-field">
            <span>{t('tokens.role')}</span>
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as TokenForm['role'] })}>
              {(['analyst', 'commander'] as const).map((r) => (
                <option key={r} value={r}>
                  {at(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="btn btn--primary" disabled={action.busy} data-testid="token-issue">
          {t('tokens.issue')}
        </button>
      </form>
      {issued && (
        <SecretOnce
          title={`${t('tokens.onceTitle')} · ${issued.label}`}
          lines={[
            { label: t('tokens.secret'), value: issued.token, testId: 'issued-token' },
            ...(issued.kind === 'wall' ? [{ label: t('tokens.wallLink'), value: wallLink(window.location.origin, issued.token), testId: 'issued-wall-link' }] : []),
          ]}
          onClose={() => setIssued(null)}
        />
      )}
      <Feedback error={action.error ?? tokens.error} done={action.done} />
      <table className="admin-table" data-testid="tokens-table">
        <thead>
          <tr>
            <th>{t('common.label')}</th>
            <th>{t('tokens.kind')}</th>
            <th>{t('tokens.role')}</th>
            <th>{t('common.team')}</th>
            <th>{t('tokens.createdBy')}</th>
            <th>{t('common.created')}</th>
            <th>{t('tokens.lastUsed')}</th>
            <th>{t('tokens.state')}</th>
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.items?.map((k) => (
            <tr key={k.id} className={k.revokedAt === null ? undefined : 'is-disabled'} data-testid={`token-${k.id}`}>
              <td>{k.label}</td>
              <td>{t(`tokens.kinds.${k.kind}`)}</td>
              <td>{at(`role.${k.role}`)}</td>
              <td className="mono">{k.teamId ?? '—'}</td>
              <td className="mono">{k.createdBy}</td>
              <td className="nowrap">{formatAuditTime(k.createdAt)}</td>
              <td className="nowrap">{k.lastUsedAt === null ? t('common.never') : formatAuditTime(k.lastUsedAt)}</td>
              <td>{k.revokedAt === null ? <span className="state state--on">{t('common.active')}</span> : <span className="state state--off">{`${t('common.revoked')} ${formatAuditTime(k.revokedAt)}`}</span>}</td>
              <td>{k.revokedAt === null && <ConfirmButton label={t('common.revoke')} disabled={action.busy} onConfirm={() => revoke(k.id)} testId="token-revoke" />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {tokens.items?.length === 0 && <p className="admin-hint">{t('common.none')}</p>}
    </section>
  );
}
