import type { CSSProperties } from 'react';

/** Props of {@link Attribution}. */
export interface AttributionProps {
  /** Credits in display order (config.attribution). Plain text, never HTML. */
  items: readonly string[];
  /** @default 'bottom-right' */
  corner?: 'bottom-right' | 'bottom-left';
}

const base: CSSProperties = {
  position: 'absolute',
  bottom: 0,
  zIndex: 2,
  maxWidth: '85%',
  padding: '3px 10px',
  font: '13px/1.4 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
  // Readable across a control room but dimmer than any live data.
  color: 'rgba(203, 213, 225, 0.78)',
  background: 'rgba(6, 10, 19, 0.62)',
  pointerEvents: 'none',
  userSelect: 'text',
};

/**
 * The map's credits, always on screen: ODbL requires the OSM credit to stay visible. Replaces
 * MapLibre's AttributionControl (set `attributionControl={false}` on the map) so the case-data credit
 * and the wall's dark theme are covered too.
 */
export function Attribution({ items, corner = 'bottom-right' }: AttributionProps) {
  if (items.length === 0) return null;
  const side: CSSProperties = corner === 'bottom-right' ? { right: 0, borderTopLeftRadius: 4 } : { left: 0, borderTopRightRadius: 4 };
  return (
    <div className="basemap-attribution" role="contentinfo" aria-label="Map data credits" style={{ ...base, ...side }}>
      {items.join(' · ')}
    </div>
  );
}
