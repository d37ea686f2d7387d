import { useCallback } from 'react';
import type { CommandOf } from '../../shared/commands.js';
import type { FieldErrors } from './forms/validate.js';
import { validateReport } from './forms/validate.js';
import type { FieldCommand } from './outbox/queue.js';
import { newReportId } from './outbox/reportId.js';
import type { FieldRuntime } from './runtime.js';

/**
 * Stamps a draft with a fresh reportId and the device time, validates it with the wire schema and
 * queues it. An incident's id is derived from its report id, so a resend can never make a second one.
 */
export function useReporter(runtime: FieldRuntime, teamId: string | null) {
  const submit = useCallback(
    async (name: FieldCommand, draft: Record<string, unknown>): Promise<FieldErrors | null> => {
      if (!teamId) return { _: { code: 'invalid' } };
      const reportId = newReportId();
      const stamped = { ...draft, reportId, recordedAt: Date.now(), ...(name === 'incident:create' && { incidentId: `inc-${reportId}` }) };
      const result = validateReport(name, stamped);
      if (!result.ok) return result.errors;
      await runtime.outbox.add(name, result.payload, teamId);
      return null;
    },
    [runtime, teamId],
  );

  const reportPosition = useCallback(
    (report: CommandOf<'position:report'>) => {
      if (teamId) void runtime.outbox.add('position:report', report, teamId);
    },
    [runtime, teamId],
  );

  return { submit, reportPosition };
}
