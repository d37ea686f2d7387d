import { useState } from 'react';
import type { FieldState } from '../../../shared/protocol.js';
import { useFieldT } from '../i18n/fieldI18n.js';
import { signIn, type SignInResult } from '../session/api.js';

type Problem = Extract<SignInResult, { ok: false }>['reason'] | null;

/** Team code sign-in. The code is posted as JSON, never put in the URL or stored; the session is a cookie. */
export function SignInForm({ onSignedIn }: { onSignedIn(state: FieldState): void }) {
  const { t } = useFieldT();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);

  async function submit() {
    setBusy(true);
    const result = await signIn(code.trim());
    setBusy(false);
    if (result.ok) {
      setCode('');
      onSignedIn(result.state);
    } else setProblem(result.reason);
  }

  return (
    <form
      className="field-card field-form"
      method="post"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('signIn.heading')}</h2>
      <label className="field-input">
        <span className="field-label">{t('signIn.code')}</span>
        <input
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="K7M2Q-9XR4T"
          aria-invalid={problem ? true : undefined}
          data-testid="signin-code"
        />
      </label>
      <p className="field-note">{t('signIn.hint')}</p>
      {problem && (
        <p className="field-error" role="alert">
          {t(`signIn.${problem}`)}
        </p>
      )}
      <button type="submit" className="field-button primary" disabled={busy || code.trim().length < 6} data-testid="signin-submit">
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </button>
    </form>
  );
}
