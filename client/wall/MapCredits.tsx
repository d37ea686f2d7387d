import { useTranslation } from 'react-i18next';

/** Props of `MapCredits`. */
export interface MapCreditsProps {
  /** Credits from the basemap config, in display order. */
  attribution: readonly string[];
}

// TODO(basemap): render the basemap engineer's attribution component here once it lands.
/** The schematic-grid note and the data credits, small, in the map's corner. */
export function MapCredits({ attribution }: MapCreditsProps) {
  const { t } = useTranslation();
  return (
    <div className="credits" data-testid="map-credits">
      <div className="credits-note">{t('app.note')}</div>
      {attribution.length > 0 && <div className="credits-attribution">{attribution.join(' · ')}</div>}
    </div>
  );
}
