import type { Task } from '../../../shared/entities.js';
import type { LngLat } from '../../../shared/geo.js';
import type { NearbyCheckpoint } from '../../../shared/protocol.js';
import type { FieldCommand } from '../outbox/queue.js';
import type { FieldErrors } from './validate.js';

/** What every report form gets from the page. */
export interface ReportContext {
  teamId: string;
  /** Last GPS fix, or null before the first one. */
  position: LngLat | null;
  tasks: readonly Task[];
  /** Checkpoints near the team, closest first, for the tally form. */
  checkpoints: readonly NearbyCheckpoint[];
  /** Validates (adding reportId and recordedAt) and queues; resolves with field errors or null. */
  submit(name: FieldCommand, draft: Record<string, unknown>): Promise<FieldErrors | null>;
}
