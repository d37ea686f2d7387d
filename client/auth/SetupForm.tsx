import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import { setupFirstAdmin } from './authApi.js';
import { useFormSubmit } from './useFormSubmit.js';

/** First start: the one-time setup code from the server log creates the first administrator. */
export function SetupForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [v, setV] = useState({ setupCode: '', username: '', displayName: '', password: '', repeat: '' });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const { busy, error, submit } = useFormSubmit('setup', onSignedIn);
  const mismatch = v.repeat !== '' && v.repeat !== v.password;
  const send = () => setupFirstAdmin({ setupCode: v.setupCode.trim(), username: v.username.trim(), displayName: v.displayName.trim(), password: v.password });
  return (
    <form className="auth-form" onSubmit={mismatch ? (e) => e.preventDefault() : submit(send)}>
      <label htmlFor={`${id}-code`}>{t('auth.setupCode')}</label>
      <input id={`${id}-code`} autoComplete="one-time-code" spellCheck={false} required value={v.setupCode} onChange={set('setupCode')} data-testid="setup-code" />
      <label htmlFor={`${id}-u`}>{t('auth.username')}</label>
      <input id={`${id}-u`} autoComplete="username" autoCapitalize="none" spellCheck={false} required minLength={3} maxLength={32} value={v.username} onChange={set('username')} data-testid="setup-username" />
      <label htmlFor={`${id}-n`}>{t('auth.displayName')}</label>
      <input id={`${id}-n`} autoComplete="name" required maxLength={60} value={v.displayName} onChange={set('displayName')} data-testid="setup-name" />
      <label htmlFor={`${id}-p`}>
        {t('auth.password')} <span className="auth-hint">{t('auth.passwordHint')}</span>
      </label>
      <input id={`${id}-p`} type="password" autoComplete="new-password" required minLength={10} maxLength={200} value={v.password} onChange={set('password')} data-testid="setup-password" />
      <label htmlFor={`${id}-r`}>{t('auth.passwordRepeat')}</label>
      <input id={`${id}-r`} type="password" autoComplete="new-password" required value={v.repeat} onChange={set('repeat')} aria-invalid={mismatch} data-testid="setup-repeat" />
      {(mismatch || error) && (
        <p className="auth-error" role="alert" data-testid="setup-error">
          {mismatch ? t('auth.passwordMismatch') : error}
        </p>
      )}
      <button type="submit" className="auth-btn auth-btn--primary" disabled={busy || mismatch} data-testid="setup-submit">
        {busy ? t('auth.busy') : t('auth.createAdmin')}
      </button>
    </form>
  );
}
