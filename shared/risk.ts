import type { CellCounts, RiskLevel } from './entities.js';

/**
 * Risk level of a cell from its counts. Mirrors the 2020 rule of thumb used by Hubei's headquarters:
 * any active confirmed case → high; suspected cases, fever found or many close contacts → medium;
 * otherwise low (清零).
 */
export function riskOf(c: CellCounts): RiskLevel {
  if (c.active > 0) return 'high';
  if (c.suspected > 0 || c.feverToday > 0 || c.closeContacts >= 5) return 'medium';
  return 'low';
}

/** Risk colours (RGB) shared by map, legend and charts: low green, medium amber, high red. */
export const RISK_COLORS: Record<RiskLevel, [number, number, number]> = {
  low: [46, 160, 67],
  medium: [230, 160, 20],
  high: [220, 50, 47],
};
