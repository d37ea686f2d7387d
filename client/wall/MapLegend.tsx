import { useTranslation } from 'react-i18next';
import { RISK_COLORS } from '../../shared/risk.js';
import { CHECKPOINT_COLORS, cssRgb, TEAM_COLORS } from '../map/layers/colors.js';

const RISKS = ['high', 'medium', 'low'] as const;
const STATUSES = ['open', 'restricted', 'closed', 'lifted'] as const;
const KINDS = ['disinfection', 'patrol', 'volunteer', 'medical'] as const;

/** What the colours on the map mean — every swatch with its text label, never colour alone. */
export function MapLegend() {
  const { t } = useTranslation();
  return (
    <div className="legend" data-testid="map-legend">
      <section className="legend-group">
        <h3>{t('legend.risk')}</h3>
        {RISKS.map((r) => (
          <div key={r} className="legend-item">
            <span className="swatch swatch--cell" style={{ background: cssRgb(RISK_COLORS[r]), borderColor: cssRgb(RISK_COLORS[r]) }} />
            {t(`risk.${r}`)}
          </div>
        ))}
        <div className="legend-item">
          <span className="swatch swatch--heat" />
          {t('legend.heat')}
        </div>
      </section>
      <section className="legend-group">
        <h3>{t('legend.checkpoints')}</h3>
        {STATUSES.map((s) => (
          <div key={s} className="legend-item">
            <span className="swatch swatch--checkpoint" style={{ background: cssRgb(CHECKPOINT_COLORS[s]) }} />
            {t(`checkpoint.${s}`)}
          </div>
        ))}
      </section>
      <section className="legend-group">
        <h3>{t('legend.teams')}</h3>
        {KINDS.map((k) => (
          <div key={k} className="legend-item">
            <span className="swatch swatch--team" style={{ background: cssRgb(TEAM_COLORS[k]) }} />
            {t(`team.${k}`)}
          </div>
        ))}
      </section>
    </div>
  );
}
