import { useState } from 'react';
import type { FieldErrors } from './validate.js';

/** Submits a draft; resolves with the field errors, or null once the report is queued. */
export type SubmitReport = (draft: Record<string, unknown>) => Promise<FieldErrors | null>;

/** Text values, inline errors and the submit round of one report form. */
export function useReportForm<K extends string>(initial: Record<K, string>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);

  const set = (key: K) => (value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };

  /** Runs `submit`; on success the form is cleared except for `keep` (e.g. the checkpoint id). */
  async function run(submit: SubmitReport, draft: Record<string, unknown>, keep: K[] = []): Promise<boolean> {
    const found = await submit(draft);
    setErrors(found ?? {});
    if (found) return false;
    setValues((v) => ({ ...initial, ...Object.fromEntries(keep.map((k) => [k, v[k]])) }));
    setSaved(true);
    return true;
  }

  return { values, set, errors, saved, run };
}
