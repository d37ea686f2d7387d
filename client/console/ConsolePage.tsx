import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DayTotals } from '../../shared/entities.js';
import { consoleTools } from '../auth/access.js';
import { useSession, useSignedOutWatch } from '../auth/session.js';
import { Attribution } from '../map/basemap/index.js';
import { useBasemap } from '../map/useBasemap.js';
import { useLivePicture } from '../live/useLivePicture.js';
import { ConsoleHeader } from './ConsoleHeader.js';
import { ExportMenu } from './exchange/ExportMenu.js';
import { ImportDialog } from './exchange/ImportDialog.js';
import { registerConsoleStrings, useConsoleT } from './i18n/consoleI18n.js';
import { ConsoleMap, type MapFocus } from './map/ConsoleMap.js';
import type { LayerToggles } from './map/useConsoleLayers.js';
import { createAreaIndexCache } from './model/areaIndex.js';
import { activeFilterCount, NO_FILTERS } from './model/filters.js';
import { replaySeq } from './model/replay.js';
import { incidentItems, pointItems, type SearchItem } from './model/search.js';
import type { Selection } from './model/selection.js';
import { scenarioTimeAt } from './model/timeline.js';
import { AggregatePanel } from './panels/AggregatePanel.js';
import { ChoroplethLegend } from './panels/ChoroplethLegend.js';
import { DetailsPanel } from './panels/DetailsPanel.js';
import { FilterPanel } from './panels/FilterPanel.js';
import { KpiBar } from './panels/KpiBar.js';
import { LayerPanel } from './panels/LayerPanel.js';
import { OverviewCharts } from './panels/OverviewCharts.js';
import { SearchBox } from './panels/SearchBox.js';
import { ReplayBanner } from './time/ReplayBanner.js';
import { TimeBar } from './time/TimeBar.js';
import { usePastPicture } from './time/usePastPicture.js';
import { useReplay } from './time/useReplay.js';
import { useTimeline } from './time/useTimeline.js';
import { useConsoleData, type Aggregation } from './useConsoleData.js';
import { useMapTargets } from './useMapTargets.js';
import './console.css';

registerConsoleStrings();

const NO_DAYS: Record<string, DayTotals> = {};
const DEFAULT_TOGGLES: LayerToggles = { cells: true, heatmap: false, checkpoints: true, teams: true, trails: true, tasks: false, incidents: false, outlines: true };

/** `/console`: the officials' laptop console — what is happening, where, since when; live or at any past moment. */
export function ConsolePage() {
  const { t, lang } = useConsoleT();
  useEffect(() => void (document.title = `${t('short')} · GridCommand`), [t]);
  const live = useLivePicture({ device: 'console' });
  useSignedOutWatch(live.status);
  const tools = consoleTools(useSession().me);
  const basemap = useBasemap();
  const timeline = useTimeline(live.picture);
  const [replay, dispatch] = useReplay(timeline);
  const seq = replaySeq(replay);
  const past = usePastPicture(seq);
  const picture = seq === null ? live.picture : past.picture;

  const [filters, setFilters] = useState(NO_FILTERS);
  const [toggles, setToggles] = useState(DEFAULT_TOGGLES);
  const [aggregation, setAggregation] = useState<Aggregation>({ level: 'district', field: null });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const data = useConsoleData(picture, filters, aggregation);

  const [toAreas] = useState(createAreaIndexCache);
  const areas = toAreas(live.picture?.cells ?? data.cells);
  const liveCheckpoints = live.picture?.checkpoints;
  const liveTeams = live.picture?.teams;
  const liveIncidents = live.picture?.incidents;
  const searchItems = useMemo(() => {
    const names = new Map(areas.districts.map((d) => [d.code, d.name]));
    const incidents = incidentItems(Object.values(liveIncidents ?? {}), (k) => t(`values.incidentKind.${k}`));
    return [...pointItems(Object.values(liveCheckpoints ?? {}), Object.values(liveTeams ?? {}), (c) => names.get(c) ?? c), ...areas.searchItems, ...incidents];
  }, [areas, liveCheckpoints, liveTeams, liveIncidents, t]);

  const { focusOn, markOf, describe, clusterLabel } = useMapTargets(picture, areas.searchItems);
  const choose = useCallback(
    (item: SearchItem) => {
      const s: Selection = item.kind === 'checkpoint' || item.kind === 'team' || item.kind === 'incident' ? { kind: `${item.kind}s`, id: item.id } : { kind: 'area', level: item.kind, id: item.id };
      setSelection(s);
      setFocus(focusOn(s));
    },
    [focusOn],
  );
  const closeDetails = useCallback(() => setSelection(null), []);
  const scenarioTime = picture?.clock?.scenarioTime ?? (seq === null ? null : scenarioTimeAt(timeline, seq));

  return (
    <div className="console">
      <ConsoleHeader clock={picture?.clock ?? null} live={seq === null} status={live.status} lastMessageAt={live.lastMessageAt} adminLink={tools.admin}>
        <SearchBox items={searchItems} onChoose={choose} />
        <ExportMenu key={seq === null ? 'live' : 'past'} seq={seq} scenarioTime={scenarioTime} timeline={timeline} />
        {tools.importGrid && <ImportDialog />}
      </ConsoleHeader>
      {seq !== null && <ReplayBanner scenarioTime={scenarioTime} loading={past.loading} failed={past.failed} onLive={() => dispatch({ type: 'live' })} />}
      <aside className="c-left">
        <LayerPanel toggles={toggles} onChange={setToggles} />
        <FilterPanel filters={filters} districts={areas.districts} streets={areas.streets} onChange={setFilters} />
        <AggregatePanel aggregation={aggregation} onChange={setAggregation} />
      </aside>
      <KpiBar cells={picture ? data.shownCells : null} checkpoints={picture ? data.checkpoints : null} teams={picture ? data.teams : null} incidents={picture ? data.incidents : null} filtered={activeFilterCount(filters) > 0} />
      <main className={seq === null ? 'c-map' : 'c-map c-map--past'}>
        <ConsoleMap
          basemap={basemap}
          lang={lang}
          cells={data.cells}
          cellPasses={data.cellPasses}
          checkpoints={data.checkpoints}
          teams={data.placedTeams}
          tasks={data.tasks}
          incidents={data.incidents}
          trails={data.trails}
          toggles={toggles}
          choropleth={data.choropleth}
          selection={selection ? markOf(selection) : null}
          focus={focus}
          onPick={setSelection}
          clusterLabel={clusterLabel}
          tooltip={describe}
        />
        {data.choropleth && aggregation.field && <ChoroplethLegend choropleth={data.choropleth} field={aggregation.field} level={aggregation.level} />}
        <Attribution items={basemap.config.attribution} corner="bottom-right" />
      </main>
      <aside className="c-right">
        {selection && picture ? (
          <DetailsPanel selection={selection} picture={picture} timeline={timeline} replaySeq={seq} onClose={closeDetails} onZoom={() => setFocus(focusOn(selection))} />
        ) : (
          <OverviewCharts
            cells={data.shownCells}
            days={picture?.days ?? NO_DAYS}
            clock={picture?.clock ?? null}
            level={aggregation.level}
            field={aggregation.field ?? 'confirmed'}
            onArea={(level, key) => {
              const s: Selection = level === 'grid' ? { kind: 'cells', id: key } : { kind: 'area', level, id: key };
              setSelection(s);
              setFocus(focusOn(s));
            }}
          />
        )}
      </aside>
      <TimeBar timeline={timeline} replay={replay} dispatch={dispatch} shownScenarioTime={past.loading ? null : scenarioTime} />
    </div>
  );
}
