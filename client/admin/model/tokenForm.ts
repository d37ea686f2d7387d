import type { TokenKind } from '../../../shared/auth.js';

/** What the issue-token form holds; fields that do not apply to the kind are ignored. */
export interface TokenForm {
  kind: TokenKind;
  label: string;
  teamId: string;
  role: 'commander' | 'analyst';
}

export type IssueTokenBody = { kind: TokenKind; label: string; teamId?: string; role?: 'commander' | 'analyst' };

/** The request for `POST /api/admin/tokens`: a team only for a device, a role only for a service. */
export function tokenRequest(form: TokenForm): IssueTokenBody {
  const body: IssueTokenBody = { kind: form.kind, label: form.label.trim() };
  if (form.kind === 'device') body.teamId = form.teamId.trim();
  if (form.kind === 'service') body.role = form.role;
  return body;
}

export const TOKEN_KINDS = ['wall', 'device', 'service'] as const satisfies readonly TokenKind[];
