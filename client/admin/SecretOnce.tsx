import { useId, useRef, useState } from 'react';
import { useAdminT } from './i18n/adminI18n.js';

/** One line of a secret with its copy button. */
function CopyLine({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useAdminT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    input.current?.select();
    try {
      // The Clipboard API needs a secure context (localhost or HTTPS); a LAN over plain HTTP is not one.
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied(document.execCommand?.('copy') ? 'yes' : 'failed');
    }
  };
  return (
    <div className="secret-line">
      <label htmlFor={id}>{label}</label>
      <div className="secret-row">
        <input id={id} ref={input} readOnly value={value} spellCheck={false} onFocus={(e) => e.target.select()} data-testid={testId} />
        <button type="button" className="btn btn--small" onClick={() => void copy()} data-testid={`${testId}-copy`}>
          {copied === 'yes' ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      {copied === 'failed' && <p className="admin-hint">{t('common.copyFailed')}</p>}
    </div>
  );
}

/** Props of `SecretOnce`. */
export interface SecretOnceProps {
  title: string;
  lines: { label: string; value: string; testId: string }[];
  onClose: () => void;
}

/** A just-issued secret: shown this once (the server keeps only its hash), with copy buttons. */
export function SecretOnce({ title, lines, onClose }: SecretOnceProps) {
  const { t } = useAdminT();
  return (
    <section className="secret-once" role="alert" data-testid="secret-once">
      <h3>{title}</h3>
      <p className="admin-hint">{t('tokens.onceHint')}</p>
      {lines.map((l) => (
        <CopyLine key={l.testId} {...l} />
      ))}
      <button type="button" className="btn" onClick={onClose} data-testid="secret-close">
        {t('common.done')}
      </button>
    </section>
  );
}
