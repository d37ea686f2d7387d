import { useId, type ReactNode } from 'react';
import { useFieldT } from '../i18n/fieldI18n.js';
import type { FieldError } from './validate.js';

/** The inline message for a field error, in the page's language. */
function ErrorText({ id, error }: { id: string; error: FieldError | undefined }) {
  const { t } = useFieldT();
  if (!error) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {t(`errors.${error.code}`, { limit: error.limit ?? '' })}
    </span>
  );
}

/** Props of `TextInput`. */
export interface TextInputProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: FieldError;
  /** `numeric` brings up the phone's number pad. @default 'text' */
  mode?: 'text' | 'numeric' | 'decimal';
  hint?: string;
  multiline?: boolean;
  list?: string;
  testId?: string;
}

/** A labelled text or number input with its inline error. */
export function TextInput({ label, value, onChange, error, mode = 'text', hint, multiline, list, testId }: TextInputProps) {
  const id = useId();
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'data-testid': testId,
    placeholder: hint,
  };
  return (
    <label className="field-input" htmlFor={id}>
      <span className="field-label">{label}</span>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={mode} list={list} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      <ErrorText id={`${id}-error`} error={error} />
    </label>
  );
}

/** Props of `Choice`. */
export interface ChoiceProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: ReactNode }[];
  onChange(value: V): void;
}

/** A row of big radio buttons: easier with gloves than a drop-down. */
export function Choice<V extends string>({ label, value, options, onChange }: ChoiceProps<V>) {
  const name = useId();
  return (
    <fieldset className="field-choice">
      <legend className="field-label">{label}</legend>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? 'field-choice-option is-on' : 'field-choice-option'}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
