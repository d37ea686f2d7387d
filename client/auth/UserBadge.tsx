import { useTranslation } from 'react-i18next';
import { useSession } from './session.js';

/** Who is signed in (name and role) and the sign-out button, for page headers. */
export function UserBadge({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  return (
    <div className={`user-badge ${className}`} data-testid="user-badge" aria-label={t('auth.signedInAs')}>
      <span className="user-name" data-testid="user-name" title={me.id}>
        {me.displayName || me.id}
      </span>
      <span className="user-role" data-testid="user-role">
        {t(`role.${me.role}`)}
      </span>
      <button type="button" className="btn btn--small" onClick={signOut} data-testid="sign-out">
        {t('auth.signOut')}
      </button>
    </div>
  );
}
