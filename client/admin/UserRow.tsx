import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PEOPLE_ROLES, type PeopleRole, type UserView } from '../../shared/auth.js';
import { formatAuditTime } from './model/audit.js';
import { updateUser } from './adminApi.js';
import { useAdminT } from './i18n/adminI18n.js';

/** Props of `UserRow`. */
export interface UserRowProps {
  user: UserView;
  /** The signed-in admin's own row. */
  self: boolean;
  run: (action: () => Promise<string | null | void>) => Promise<boolean>;
  busy: boolean;
  onChanged: () => void;
}

/** One account: its role (changed in place), enable/disable, and an inline password reset. */
export function UserRow({ user, self, run, busy, onChanged }: UserRowProps) {
  const { t } = useAdminT();
  const { t: at } = useTranslation();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const change = async (patch: Parameters<typeof updateUser>[1], done: string | null = null) => {
    const ok = await run(async () => {
      await updateUser(user.username, patch);
      return done;
    });
    onChanged();
    return ok;
  };
  return (
    <tr className={user.disabled ? 'is-disabled' : undefined} data-testid={`user-${user.username}`}>
      <td className="mono">{user.username}</td>
      <td>
        {user.displayName}
        {self && <span className="tag">{t('users.you')}</span>}
      </td>
      <td>
        <select aria-label={t('users.role')} value={user.role} disabled={busy} onChange={(e) => void change({ role: e.target.value as PeopleRole })} data-testid="user-role">
          {PEOPLE_ROLES.map((r) => (
            <option key={r} value={r}>
              {at(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{user.disabled ? <span className="state state--off">{t('users.disabled')}</span> : <span className="state state--on">{t('users.enabled')}</span>}</td>
      <td className="nowrap">{formatAuditTime(user.createdAt)}</td>
      <td className="nowrap">{user.lastSignInAt === null ? t('common.never') : formatAuditTime(user.lastSignInAt)}</td>
      <td>
        <div className="admin-actions">
          <button type="button" className="btn btn--small" disabled={busy} onClick={() => void change({ disabled: !user.disabled })} data-testid="user-toggle">
            {user.disabled ? t('users.enable') : t('users.disable')}
          </button>
          {!resetting ? (
            <button type="button" className="btn btn--small" onClick={() => setResetting(true)} data-testid="user-reset">
              {t('users.resetPassword')}
            </button>
          ) : (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void change({ password }, t('users.passwordSet', { name: user.username })).then((ok) => ok && (setResetting(false), setPassword('')));
              }}
            >
              <input type="password" aria-label={t('users.newPassword')} placeholder={t('users.newPassword')} required minLength={10} maxLength={200} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              <button type="submit" className="btn btn--small btn--primary" disabled={busy}>
                {t('users.setPassword')}
              </button>
              <button type="button" className="btn btn--small" onClick={() => setResetting(false)}>
                {t('common.cancel')}
              </button>
            </form>
          )}
        </div>
      </td>
    </tr>
  );
}
