import { useTranslation } from 'react-i18next';
import type { Cell, Checkpoint, DayTotals, Team } from '../../shared/entities.js';
import type { LngLat } from '../../shared/geo.js';
import type { Lang } from '../i18n/lang.js';
import { useSignedOutWatch } from '../auth/session.js';
import { useLivePicture } from '../live/useLivePicture.js';
import { LiveMap } from '../map/LiveMap.js';
import { Attribution } from '../map/basemap/index.js';
import { useBasemap } from '../map/useBasemap.js';
import { ChartsPanel } from './ChartsPanel.js';
import { KpiStrip } from './KpiStrip.js';
import { MapLegend } from './MapLegend.js';
import { MapNote } from './MapNote.js';
import { WallHeader } from './WallHeader.js';

// Stable empties, so the memoized map and charts do not redraw while waiting for the first snapshot.
const NO_CELLS: Record<string, Cell> = {};
const NO_CHECKPOINTS: Record<string, Checkpoint> = {};
const NO_TEAMS: Record<string, Team> = {};
const NO_TRAILS: Record<string, readonly LngLat[]> = {};
const NO_DAYS: Record<string, DayTotals> = {};

/** The command-centre wall (`/`): unattended, full screen, readable across a room. */
export function WallPage() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { picture: p, status, lastMessageAt } = useLivePicture({ device: 'wall' });
  useSignedOutWatch(status); // a revoked wall shows so, full screen, instead of a map going stale
  const basemap = useBasemap();
  return (
    <div className="wall">
      <WallHeader clock={p?.clock ?? null} status={status} lastMessageAt={lastMessageAt} lang={lang} />
      <KpiStrip cells={p?.cells ?? null} checkpoints={p?.checkpoints ?? null} teams={p?.teams ?? null} lang={lang} />
      <main className="map-area">
        <LiveMap
          basemap={basemap}
          lang={lang}
          cells={p?.cells ?? NO_CELLS}
          checkpoints={p?.checkpoints ?? NO_CHECKPOINTS}
          teams={p?.teams ?? NO_TEAMS}
          trails={p?.trails ?? NO_TRAILS}
        />
        <div className="map-corner">
          <MapNote />
          <MapLegend />
        </div>
        <Attribution items={basemap.config.attribution} corner="bottom-right" />
      </main>
      <ChartsPanel cells={p?.cells ?? NO_CELLS} days={p?.days ?? NO_DAYS} clock={p?.clock ?? null} lang={lang} />
    </div>
  );
}
