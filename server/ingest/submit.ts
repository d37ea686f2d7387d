import type { Logger } from 'pino';
import type { PositionReport } from '../../shared/commands.js';
import { HTTP_STATUS, type Ack } from '../../shared/protocol.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Registry } from '../auth/registry.js';
import { actorFor, reportIdFor, type Fix } from './fix.js';
import type { Rejection } from '../commands/validate.js';

/** What every ingest path needs. */
export interface IngestDeps {
  ledger: Ledger;
  registry: Registry;
  log: Logger;
  /** @default Date.now */
  now?: () => number;
  /** Per-device budget (server/http/rateLimit.ts); unlimited when unset. */
  deviceLimit?: (deviceId: string) => Promise<Rejection | null>;
  /** Per-address budget for listeners on their own port (OSMAND_PORT); the main app has its own. */
  addressLimit?: (ip: string) => Promise<Rejection | null>;
}

/** The `position:report` a fix becomes once its device is known to belong to `teamId`. */
export function positionReportFor(fix: Fix, teamId: string): PositionReport {
  const report: PositionReport = { reportId: reportIdFor(fix), recordedAt: fix.recordedAt, teamId, position: [fix.lon, fix.lat] };
  if (fix.accuracyM !== undefined) report.accuracyM = fix.accuracyM;
  if (fix.speedMps !== undefined) report.speedMps = fix.speedMps;
  if (fix.headingDeg !== undefined) report.headingDeg = fix.headingDeg;
  if (fix.batteryPct !== undefined) report.batteryPct = fix.batteryPct;
  return report;
}

/** Submits a fix through the ledger; resolves once it is durable (or refused). */
export async function submitFix(deps: IngestDeps, fix: Fix, teamId: string, protocol: string): Promise<Ack> {
  const limited = await deps.deviceLimit?.(fix.deviceId);
  if (limited) return limited;
  const ack = await deps.ledger.submit('position:report', positionReportFor(fix, teamId), actorFor(fix.deviceId));
  if (ack.ok) deps.log.debug({ deviceId: fix.deviceId, protocol, seq: ack.seq, duplicate: ack.duplicate }, 'tracker fix');
  else deps.log.warn({ deviceId: fix.deviceId, protocol, teamId, error: ack.error.message }, 'tracker fix refused');
  return ack;
}

/** The HTTP status of an ack, as the command API answers it. */
export function statusOf(ack: Ack): number {
  if (ack.ok) return 200;
  return HTTP_STATUS[ack.error.code];
}

/** Logs an unknown, revoked or wrongly authenticated device: the id only, never what it sent. */
export function logRefusedDevice(log: Logger, deviceId: string, protocol: string, ip: string | undefined, why = 'unknown or revoked device'): void {
  log.warn({ deviceId: deviceId.slice(0, 128), protocol, ip }, `tracker refused: ${why}`);
}
