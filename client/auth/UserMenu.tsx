import { useTranslation } from 'react-i18next';
import { useSession } from './session.js';
import { UserIdentity } from './UserBadge.js';

/**
 * Who is signed in, as a compact header menu (the console's header is full): the name and role
 * stay visible; the admin link and sign-out are one click away.
 */
export function UserMenu({ adminLink = false }: { adminLink?: boolean }) {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  return (
    <details className="menu user-menu" data-testid="user-menu">
      <summary className="btn user-badge" aria-label={`${t('auth.signedInAs')}: ${me.displayName || me.id}`}>
        <UserIdentity />
      </summary>
      <div className="menu-body user-menu-body">
        {adminLink && (
          <a className="btn" href="/admin" data-testid="admin-link">
            {t('auth.admin')}
          </a>
        )}
        <button type="button" className="btn" onClick={signOut} data-testid="sign-out">
          {t('auth.signOut')}
        </button>
      </div>
    </details>
  );
}
