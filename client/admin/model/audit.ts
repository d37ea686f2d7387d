import type { AuditEntry } from '../../../shared/auth.js';

/**
 * Entries whose actor, action, target, ip or detail contains every word of `text`
 * (case-insensitive), so "wall revoke" finds the revocations of wall tokens.
 */
export function filterAudit(entries: readonly AuditEntry[], text: string, source: AuditEntry['source'] | 'all' = 'all'): AuditEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (source !== 'all' && e.source !== source) return false;
    const hay = [e.actor, e.action, e.target, e.ip ?? '', e.detail ?? '', e.ok ? '' : 'failed refused 失败'].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An audit time in Asia/Shanghai to the second, `2026-11-29 14:05:09`: sortable, the same in both languages. */
export function formatAuditTime(epochMs: number): string {
  const p = Object.fromEntries(formatter.formatToParts(epochMs).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
