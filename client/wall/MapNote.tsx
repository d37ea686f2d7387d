import { useTranslation } from 'react-i18next';

/** The grid is generated, not the real 2020 grid: say so on the map itself. */
export function MapNote() {
  const { t } = useTranslation();
  return (
    <div className="map-note" data-testid="map-note">
      {t('app.note')}
    </div>
  );
}
