import type { LngLat } from '../../shared/geo.js';
import type { GridCell } from './grid.js';
import { partition } from './partition.js';
import type { Community, District, Street } from './sources.js';
import { groupBy } from './groupBy.js';

/** The administrative place of one grid cell: real district, street (街道) and community (社区) names and codes. */
export interface AdminPlace {
  districtCode: string;
  districtName: string;
  streetCode: string;
  streetName: string;
  communityCode: string;
  communityName: string;
}

export interface AdminInput {
  districts: District[];
  streets: Street[];
  communities: Community[];
  districtOf: (p: LngLat) => District;
}

/** Urban cells prefer 街道 / 社区; villages (村) and towns (镇) only when a unit has nothing else. */
function prefer<T extends { name: string }>(items: T[], marker: string): T[] {
  const urban = items.filter((i) => i.name.includes(marker));
  return urban.length > 0 ? urban : items;
}

/** Minimum cells per street, so a district with few cells uses only its most central streets. */
const CELLS_PER_STREET = 8;

export function assignAdmin(cells: readonly GridCell[], input: AdminInput): AdminPlace[] {
  const out = new Array<AdminPlace>(cells.length);
  const byDistrict = groupBy(
    cells.map((_, i) => i),
    (i) => input.districtOf((cells[i] as GridCell).centre),
  );
  const communitiesByStreet = groupBy(input.communities, (c) => c.streetCode);
  for (const [district, idx] of byDistrict) {
    const streets = prefer(
      input.streets.filter((s) => s.districtCode === district.code),
      '街道',
    ).sort((a, b) => a.code.localeCompare(b.code));
    if (streets.length === 0) throw new Error(`no streets for district ${district.code}`);
    const k = Math.max(1, Math.min(streets.length, Math.floor(idx.length / CELLS_PER_STREET)));
    const streetOf = partition(
      idx.map((i) => (cells[i] as GridCell).centre),
      k,
      district.centre,
    );
    streets.slice(0, k).forEach((street, s) => {
      const members = idx.filter((_, j) => streetOf[j] === s);
      const comms = prefer(communitiesByStreet.get(street.code) ?? [], '社区').sort((a, b) => a.code.localeCompare(b.code));
      const communityOf = partition(
        members.map((i) => (cells[i] as GridCell).centre),
        comms.length,
        (cells[members[0] ?? 0] as GridCell).centre,
      );
      members.forEach((cellIndex, j) => {
        const community = comms[communityOf[j] ?? 0];
        if (!community) throw new Error(`no communities for street ${street.code}`);
        out[cellIndex] = {
          districtCode: district.code,
          districtName: district.name,
          streetCode: street.code,
          streetName: street.name,
          communityCode: community.code,
          communityName: community.name,
        };
      });
    });
  }
  return out;
}
