import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import { wallSignIn } from './authApi.js';
import { takeWallToken } from './wallToken.js';
import { useFormSubmit } from './useFormSubmit.js';

/** A person pasting a whole wall link instead of the code still gets the code. */
function codeFrom(input: string): string {
  const text = input.trim();
  const hash = text.indexOf('#');
  return (hash >= 0 ? takeWallToken(text.slice(hash)).token : null) ?? text;
}

/** Signs an unattended wall display in with the code an admin issued (once; the cookie keeps it). */
export function WallCodeForm({ onSignedIn, autoFocus }: { onSignedIn: (me: Me) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const { busy, error, submit } = useFormSubmit('wall', onSignedIn);
  return (
    <form className="auth-form" onSubmit={submit(() => wallSignIn(codeFrom(code)))}>
      <label htmlFor={`${id}-c`}>{t('auth.wallCode')}</label>
      <input id={`${id}-c`} name="wall-code" autoComplete="off" autoCapitalize="none" spellCheck={false} required minLength={20} autoFocus={autoFocus} value={code} onChange={(e) => setCode(e.target.value)} data-testid="wall-code" />
      {error && (
        <p className="auth-error" role="alert" data-testid="wall-code-error">
          {error}
        </p>
      )}
      <button type="submit" className="auth-btn auth-btn--primary" disabled={busy} data-testid="wall-code-submit">
        {busy ? t('auth.busy') : t('auth.wallSignIn')}
      </button>
    </form>
  );
}
