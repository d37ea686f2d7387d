import { useTranslation } from 'react-i18next';
import { useSession } from './session.js';

/** The signed-in name and role, shared by the badge and the console's menu. */
export function UserIdentity() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <>
      <span className="user-name" data-testid="user-name" title={me.id}>
        {me.displayName || me.id}
      </span>
      <span className="user-role" data-testid="user-role">
        {t(`role.${me.role}`)}
      </span>
    </>
  );
}

/** Who is signed in (name and role) and the sign-out button, for page headers. */
export function UserBadge({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  return (
    <div className={`user-badge ${className}`} data-testid="user-badge" aria-label={t('auth.signedInAs')}>
      <UserIdentity />
      <button type="button" className="btn btn--small" onClick={signOut} data-testid="sign-out">
        {t('auth.signOut')}
      </button>
    </div>
  );
}
