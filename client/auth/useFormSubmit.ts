import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/auth.js';
import { errorText, type FormKind } from './access.js';
import { ApiError } from './authApi.js';

/** Busy flag and the error line of one sign-in form; `submit` prevents the page reload. */
export function useFormSubmit(form: FormKind, onSignedIn: (me: Me) => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (send: () => Promise<Me>) => async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const me = await send();
      onSignedIn(me);
    } catch (err) {
      const text = errorText(err instanceof ApiError ? err : new ApiError(0, 'offline', String(err)), form);
      setError(t(`auth.${text.key}`, text.vars ?? {}));
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
