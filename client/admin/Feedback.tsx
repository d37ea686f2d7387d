import { useAdminT } from './i18n/adminI18n.js';

/** A panel's last error (server message, as text) or success line. */
export function Feedback({ error, done }: { error: string | null; done?: string | null }) {
  const { t } = useAdminT();
  if (error)
    return (
      <p className="admin-error" role="alert" data-testid="admin-error">
        {t('common.error', { message: error })}
      </p>
    );
  if (done)
    return (
      <p className="admin-done" role="status">
        {done}
      </p>
    );
  return null;
}
