import { useState } from 'react';
import { useAdminT } from './i18n/adminI18n.js';

/** Props of `ConfirmButton`. */
export interface ConfirmButtonProps {
  label: string;
  onConfirm: () => void;
  disabled?: boolean;
  testId?: string;
}

/**
 * Revoking is immediate and cannot be undone: the first click asks, the second does it. Inline
 * rather than `window.confirm`, which a wall-mounted kiosk browser may suppress.
 */
export function ConfirmButton({ label, onConfirm, disabled = false, testId }: ConfirmButtonProps) {
  const { t } = useAdminT();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="btn btn--small" disabled={disabled} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  return (
    <span className="confirm">
      <button
        type="button"
        className="btn btn--small btn--danger"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={testId && `${testId}-confirm`}
      >
        {t('common.confirm')}
      </button>
      <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
