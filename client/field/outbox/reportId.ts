/**
 * A fresh report id: a UUID without dashes (32 hex characters, matches the wire's ReportId).
 * `randomUUID` exists only in secure contexts; over plain http on a LAN, 16 random bytes do the same.
 */
export function newReportId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
