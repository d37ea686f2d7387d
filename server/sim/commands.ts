import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CommandName, Commands } from '../../shared/commands.js';

/** One command as the simulator sends it: the event name and its payload (already with reportId). */
export type SimCommand = { [N in CommandName]: { name: N; payload: z.input<(typeof Commands)[N]> } }[CommandName];

/** A fresh report id: a UUID without dashes, 32 hex characters (matches the shared ReportId). */
export function newReportId(): string {
  return randomUUID().replaceAll('-', '');
}

/** Base fields of every report: a fresh id and the device time (real, not scenario, time). */
export interface Stamp {
  reportId: string;
  recordedAt: number;
}
export type Stamper = () => Stamp;

export function realStamper(): Stamper {
  return () => ({ reportId: newReportId(), recordedAt: Date.now() });
}
