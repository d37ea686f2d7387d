import type { EntityKind } from '../../../shared/entities.js';
import type { AreaLevel } from './aggregate.js';

/** What the side panel shows: one entity, or an area (district / street / community) summary. */
export type Selection = { kind: EntityKind; id: string } | { kind: 'area'; level: Exclude<AreaLevel, 'grid'> | 'community'; id: string };
