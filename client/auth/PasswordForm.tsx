import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import { signIn } from './authApi.js';
import { useFormSubmit } from './useFormSubmit.js';

/** Username and password of a person (admin, commander, analyst). */
export function PasswordForm({ onSignedIn, autoFocus }: { onSignedIn: (me: Me) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useFormSubmit('signIn', onSignedIn);
  return (
    <form className="auth-form" onSubmit={submit(() => signIn(username.trim(), password))} aria-describedby={error ? `${id}-err` : undefined}>
      <label htmlFor={`${id}-u`}>{t('auth.username')}</label>
      <input id={`${id}-u`} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus={autoFocus} value={username} onChange={(e) => setUsername(e.target.value)} data-testid="login-username" />
      <label htmlFor={`${id}-p`}>{t('auth.password')}</label>
      <input id={`${id}-p`} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
      {error && (
        <p id={`${id}-err`} className="auth-error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" className="auth-btn auth-btn--primary" disabled={busy} data-testid="login-submit">
        {busy ? t('auth.busy') : t('auth.signIn')}
      </button>
    </form>
  );
}
