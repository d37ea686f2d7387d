import { useState } from 'react';
import { listDevices, registerDevice, revokeDevice } from './adminApi.js';
import { ConfirmButton } from './ConfirmButton.js';
import { Feedback } from './Feedback.js';
import { useAdminT } from './i18n/adminI18n.js';
import { formatAuditTime } from './model/audit.js';
import { TeamInput } from './TeamInput.js';
import { useAction, useAdminList } from './useAdmin.js';

const PROTOCOLS = ['osmand', 'owntracks', 'any'] as const;
const EMPTY = { deviceId: '', teamId: '', protocol: 'osmand' as (typeof PROTOCOLS)[number], label: '', secret: '' };

/** Trackers (Traccar Client, OwnTracks) allowed to report as a team: register, list, revoke. */
export function DevicesPanel() {
  const { t } = useAdminT();
  const devices = useAdminList(listDevices);
  const action = useAction();
  const [form, setForm] = useState(EMPTY);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const register = async () => {
    const { deviceId, teamId, protocol, label, secret } = form;
    const ok = await action.run(async () => {
      await registerDevice({ deviceId: deviceId.trim(), teamId: teamId.trim(), protocol, ...(label.trim() && { label: label.trim() }), ...(secret && { secret }) });
    });
    if (ok) setForm(EMPTY);
    devices.reload();
  };
  const revoke = (id: string) => void action.run(() => revokeDevice(id)).then(devices.reload);

  return (
    <section className="admin-panel" aria-labelledby="devices-h">
      <h2 id="devices-h">{t('tabs.devices')}</h2>
      <p className="admin-hint">{t('devices.hint')}</p>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void register();
        }}
      >
        <label className="admin-field">
          <span>{t('devices.deviceId')}</span>
          <input required maxLength={128} spellCheck={false} autoComplete="off" value={form.deviceId} onChange={set('deviceId')} data-testid="device-id" />
        </label>
        <TeamInput value={form.teamId} onChange={(teamId) => setForm((f) => ({ ...f, teamId }))} testId="device-team" />
        <label className="admin-field">
          <span>{t('devices.protocol')}</span>
          <select value={form.protocol} onChange={set('protocol')}>
            {PROTOCOLS.map((p) => (
              <option key={p} value={p}>
                {t(`devices.protocols.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>
            {t('common.label')} <small>({t('common.optional')})</small>
          </span>
          <input maxLength={80} value={form.label} onChange={set('label')} />
        </label>
        {form.protocol !== 'osmand' && (
          <label className="admin-field">
            <span>
              {t('devices.secret')} <small>({t('common.optional')})</small>
            </span>
            <input type="password" minLength={8} maxLength={200} autoComplete="new-password" value={form.secret} onChange={set('secret')} />
          </label>
        )}
        <button type="submit" className="btn btn--primary" disabled={action.busy} data-testid="device-register">
          {t('devices.register')}
        </button>
      </form>
      <Feedback error={action.error ?? devices.error} done={action.done} />
      <table className="admin-table" data-testid="devices-table">
        <thead>
          <tr>
            <th>{t('devices.deviceId')}</th>
            <th>{t('common.team')}</th>
            <th>{t('devices.protocol')}</th>
            <th>{t('common.label')}</th>
            <th>{t('common.created')}</th>
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.items?.map((d) => (
            <tr key={d.deviceId}>
              <td className="mono">
                {d.deviceId}
                {d.hasSecret && <span className="tag">{t('devices.hasSecret')}</span>}
              </td>
              <td className="mono">{d.teamId}</td>
              <td>{t(`devices.protocols.${d.protocol}`)}</td>
              <td>{d.label || '—'}</td>
              <td className="nowrap">{formatAuditTime(d.createdAt)}</td>
              <td>
                <ConfirmButton label={t('common.revoke')} disabled={action.busy} onConfirm={() => revoke(d.deviceId)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {devices.items?.length === 0 && <p className="admin-hint">{t('common.none')}</p>}
    </section>
  );
}
