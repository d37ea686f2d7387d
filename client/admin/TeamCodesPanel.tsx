import { useState } from 'react';
import { issueTeamCode, revokeTeamCodes } from './adminApi.js';
import { ConfirmButton } from './ConfirmButton.js';
import { Feedback } from './Feedback.js';
import { useAdminT } from './i18n/adminI18n.js';
import { SecretOnce } from './SecretOnce.js';
import { TeamInput } from './TeamInput.js';
import { useAction } from './useAdmin.js';

/** Sign-in codes for the field app: issue one for a team (shown once), or revoke all of a team's. */
export function TeamCodesPanel() {
  const { t } = useAdminT();
  const action = useAction();
  const [teamId, setTeamId] = useState('');
  const [issued, setIssued] = useState<{ teamId: string; code: string } | null>(null);
  const team = teamId.trim();

  return (
    <section className="admin-panel" aria-labelledby="codes-h">
      <h2 id="codes-h">{t('tabs.teamCodes')}</h2>
      <p className="admin-hint">{t('teamCodes.hint')}</p>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => setIssued(await issueTeamCode(team)));
        }}
      >
        <TeamInput value={teamId} onChange={setTeamId} testId="code-team" />
        <button type="submit" className="btn btn--primary" disabled={action.busy || !team} data-testid="code-issue">
          {t('teamCodes.issue')}
        </button>
        <ConfirmButton
          label={t('teamCodes.revokeAll')}
          disabled={action.busy || !team}
          onConfirm={() => void action.run(async () => t('teamCodes.revokedN', { team, n: (await revokeTeamCodes(team)).revoked }))}
          testId="code-revoke"
        />
      </form>
      {issued && <SecretOnce title={t('teamCodes.codeFor', { team: issued.teamId })} lines={[{ label: t('teamCodes.code'), value: issued.code, testId: 'issued-code' }]} onClose={() => setIssued(null)} />}
      <Feedback error={action.error} done={action.done} />
    </section>
  );
}
