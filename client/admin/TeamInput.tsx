import { useEffect, useId, useState } from 'react';
import { listTeams } from './adminApi.js';
import { useAdminT } from './i18n/adminI18n.js';

type TeamOption = Awaited<ReturnType<typeof listTeams>>[number];
let teams: Promise<TeamOption[]> | null = null;

/** A team id field with the current teams as suggestions (id and name), loaded once per page. */
export function TeamInput({ value, onChange, testId }: { value: string; onChange: (teamId: string) => void; testId: string }) {
  const { t } = useAdminT();
  const id = useId();
  const [options, setOptions] = useState<TeamOption[]>([]);
  useEffect(() => {
    let stopped = false;
    teams ??= listTeams().catch(() => ((teams = null), []));
    void teams.then((list) => !stopped && setOptions(list));
    return () => void (stopped = true);
  }, []);
  return (
    <label className="admin-field">
      <span>{t('common.team')}</span>
      <input list={`${id}-teams`} required spellCheck={false} placeholder={t('common.teamHint')} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      <datalist id={`${id}-teams`}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </datalist>
    </label>
  );
}
