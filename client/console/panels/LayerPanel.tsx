import { useTranslation } from 'react-i18next';
import { RISK_COLORS } from '../../../shared/risk.js';
import { CHECKPOINT_COLORS, cssRgb, TEAM_COLORS } from '../../map/layers/colors.js';
import { useConsoleT, type ConsoleKey } from '../i18n/consoleI18n.js';
import type { LayerToggles } from '../map/useConsoleLayers.js';
import { INCIDENT_COLORS, TASK_COLORS } from '../map/layers/markerColors.js';

/** Props of `LayerPanel`. */
export interface LayerPanelProps {
  toggles: LayerToggles;
  onChange: (t: LayerToggles) => void;
}

const ORDER: (keyof LayerToggles)[] = ['cells', 'heatmap', 'outlines', 'checkpoints', 'teams', 'trails', 'tasks', 'incidents'];

/** Layer switches, each with its key (every colour named in text, never colour alone). */
export function LayerPanel({ toggles, onChange }: LayerPanelProps) {
  const { t } = useConsoleT();
  const { t: wt } = useTranslation();
  const keys: Partial<Record<keyof LayerToggles, [string, string][]>> = {
    cells: (['high', 'medium', 'low'] as const).map((r) => [wt(`risk.${r}`), cssRgb(RISK_COLORS[r])]),
    checkpoints: (['open', 'restricted', 'closed', 'lifted'] as const).map((s) => [wt(`checkpoint.${s}`), cssRgb(CHECKPOINT_COLORS[s])]),
    teams: (['disinfection', 'patrol', 'volunteer', 'medical'] as const).map((k) => [wt(`team.${k}`), cssRgb(TEAM_COLORS[k])]),
    tasks: (['pending', 'assigned', 'in_progress', 'done'] as const).map((s) => [t(`values.taskStatus.${s}`), cssRgb(TASK_COLORS[s])]),
    incidents: (['high', 'medium', 'low'] as const).map((s) => [t(`values.severity.${s}`), cssRgb(INCIDENT_COLORS[s])]),
  };
  return (
    <fieldset className="panel-group">
      <legend>{t('layers.heading')}</legend>
      {ORDER.map((k) => (
        <div key={k} className="layer-row">
          <label className="check">
            <input type="checkbox" checked={toggles[k]} onChange={() => onChange({ ...toggles, [k]: !toggles[k] })} data-testid={`layer-${k}`} />
            {t(`layers.${k}` as ConsoleKey)}
          </label>
          {toggles[k] && keys[k] && (
            <div className="layer-key">
              {keys[k]?.map(([name, color]) => (
                <span key={name} className="key-item">
                  <span className="key-dot" style={{ background: color }} />
                  {name}
                </span>
              ))}
            </div>
          )}
          {toggles[k] && k === 'outlines' && <div className="layer-note">{t('layers.outlinesNote')}</div>}
          {toggles[k] && k === 'heatmap' && (
            <div className="layer-key">
              <span className="key-item">
                <span className="key-ramp" />
                {wt('legend.heat')}
              </span>
            </div>
          )}
        </div>
      ))}
    </fieldset>
  );
}
