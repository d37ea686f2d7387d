import gcoord from 'gcoord';
import type { LngLat } from '../../shared/geo.js';

import type { BasemapCrs } from '../../shared/basemap.js';

export type { BasemapCrs };

/**
 * Returns the function that moves a WGS-84 position onto the basemap's datum.
 * GCJ-02 tiles (AMap, Tencent) are offset by up to ~600 m in Wuhan, so every layer must be shifted
 * to match them; CGCS2000 (Tianditu) is within centimetres of WGS-84 and needs nothing.
 */
export function displayProjector(crs: BasemapCrs): (p: LngLat) => LngLat {
  if (crs !== 'gcj02') return (p) => p;
  return (p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as LngLat;
}
