import type { z } from 'zod';
import { Commands, type CommandOf } from '../../../shared/commands.js';
import type { FieldCommand } from '../outbox/queue.js';

/** Why one form field is wrong, as a key the page translates (zod's own messages are English). */
export interface FieldError {
  code: 'required' | 'number' | 'integer' | 'min' | 'max' | 'id' | 'invalid';
  limit?: number;
}
export type FieldErrors = Record<string, FieldError>;

export type Validation<N extends FieldCommand> = { ok: true; payload: CommandOf<N> } | { ok: false; errors: FieldErrors };

function toFieldError(issue: z.core.$ZodIssue, value: unknown): FieldError {
  if (value === undefined || (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1)) return { code: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.expected === 'int' ? 'integer' : 'number' };
    case 'too_small':
      return { code: 'min', limit: Number(issue.minimum) };
    case 'too_big':
      return { code: 'max', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { code: 'id' };
    default:
      return { code: 'invalid' };
  }
}

/** Parses a draft with the wire schema; errors keyed by the top-level field name, first issue wins. */
export function validateReport<N extends FieldCommand>(name: N, draft: Record<string, unknown>): Validation<N> {
  const result = Commands[name].safeParse(draft);
  if (result.success) return { ok: true, payload: result.data as CommandOf<N> };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_');
    errors[field] ??= toFieldError(issue, draft[field]);
  }
  return { ok: false, errors };
}

/** A form input as a number: empty is `undefined` (the schema default or "required"), junk is NaN. */
export function toNumber(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}
