import { useState } from 'react';
import { PEOPLE_ROLES, type PeopleRole } from '../../shared/auth.js';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.js';
import { createUser, listUsers } from './adminApi.js';
import { Feedback } from './Feedback.js';
import { useAdminT } from './i18n/adminI18n.js';
import { useAction, useAdminList } from './useAdmin.js';
import { UserRow } from './UserRow.js';

const EMPTY = { username: '', displayName: '', role: 'analyst' as PeopleRole, password: '' };

/** People's accounts: create with a role, change role, disable/enable, reset a password. */
export function UsersPanel() {
  const { t } = useAdminT();
  const { t: at } = useTranslation();
  const { me } = useSession();
  const users = useAdminList(listUsers);
  const action = useAction();
  const [form, setForm] = useState(EMPTY);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const create = async () => {
    const ok = await action.run(async () => {
      const user = await createUser({ ...form, username: form.username.trim(), displayName: form.displayName.trim() });
      return t('users.createdOne', { name: user.username });
    });
    if (ok) setForm(EMPTY);
    users.reload();
  };

  return (
    <section className="admin-panel" aria-labelledby="users-h">
      <h2 id="users-h">{t('tabs.users')}</h2>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="admin-field">
          <span>{t('users.username')}</span>
          <input required minLength={3} maxLength={32} autoCapitalize="none" spellCheck={false} autoComplete="off" value={form.username} onChange={set('username')} data-testid="new-user-username" />
        </label>
        <label className="admin-field">
          <span>{t('users.displayName')}</span>
          <input required maxLength={60} value={form.displayName} onChange={set('displayName')} data-testid="new-user-name" />
        </label>
        <label className="admin-field">
          <span>{t('users.role')}</span>
          <select value={form.role} onChange={set('role')} data-testid="new-user-role">
            {PEOPLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {at(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{t('users.password')}</span>
          <input type="password" required minLength={10} maxLength={200} autoComplete="new-password" value={form.password} onChange={set('password')} data-testid="new-user-password" />
        </label>
        <button type="submit" className="btn btn--primary" disabled={action.busy} data-testid="new-user-submit">
          {t('users.create')}
        </button>
      </form>
      <Feedback error={action.error ?? users.error} done={action.done} />
      <table className="admin-table" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('users.username')}</th>
            <th>{t('users.displayName')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.status')}</th>
            <th>{t('common.created')}</th>
            <th>{t('users.lastSignIn')}</th>
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.items?.map((u) => (
            <UserRow key={u.username} user={u} self={me.id === u.username || me.id === `user:${u.username}`} run={action.run} busy={action.busy} onChanged={users.reload} />
          ))}
        </tbody>
      </table>
      {users.items === null && !users.error && <p className="admin-hint">{t('common.loading')}</p>}
    </section>
  );
}
