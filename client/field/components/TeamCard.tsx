import type { Team } from '../../../shared/entities.js';
import { useFieldT } from '../i18n/fieldI18n.js';

/** Which team this phone is signed in as, and its status on the wall. */
export function TeamCard({ team, cached }: { team: Team; cached: boolean }) {
  const { t } = useFieldT();
  return (
    <section className="field-card field-team" data-testid="team-card">
      <h2 data-testid="team-name">{team.name}</h2>
      <p className="field-team-meta">
        {t(`team.kind.${team.kind}`)} · {t('team.members', { n: team.members })} ·{' '}
        <span className={`field-status is-${team.status}`} data-testid="team-status">
          {t(`team.statuses.${team.status}`)}
        </span>
      </p>
      {cached && <p className="field-note warn">{t('team.cached')}</p>}
    </section>
  );
}
