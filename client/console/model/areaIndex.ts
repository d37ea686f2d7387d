import type { Cell } from '../../../shared/entities.js';
import { areaOptions, type AreaOption } from './filters.js';
import { areaItems, type SearchItem } from './search.js';

/** Districts and streets for the filter menus, and areas for the search. */
export interface AreaIndex {
  districts: AreaOption[];
  streets: AreaOption[];
  searchItems: SearchItem[];
}

/**
 * The area index, rebuilt only when the set of cells changes (an import), not on every count update:
 * names, codes and outlines of cells do not move with their counts.
 */
export function createAreaIndexCache(): (cells: Record<string, Cell>) => AreaIndex {
  let ids: Set<string> | null = null;
  let last: AreaIndex = { districts: [], streets: [], searchItems: [] };
  return (cells) => {
    const keys = Object.keys(cells);
    if (ids && keys.length === ids.size && keys.every((k) => ids?.has(k))) return last;
    ids = new Set(keys);
    const list = Object.values(cells);
    last = { ...areaOptions(list), searchItems: areaItems(list) };
    return last;
  };
}
