import type { TFunction } from 'i18next';
import type { Cell, Checkpoint, Incident, Task, Team } from '../../../shared/entities.js';
import { formatNumber } from '../../i18n/format.js';
import type { Lang } from '../../i18n/lang.js';
import type { WallState } from '../../state/picture.js';
import { formatEventTime } from '../format.js';
import type { ConsoleT } from '../i18n/consoleI18n.js';
import type { Selection } from '../model/selection.js';

/** A titled list of label/value rows for the side panel. */
export interface Details {
  title: string;
  subtitle: string;
  rows: [string, string][];
}

interface Ctx {
  t: ConsoleT;
  wt: TFunction;
  lang: Lang;
  picture: WallState;
}

const n = (v: number, c: Ctx) => formatNumber(v, c.lang);

function cellDetails(c: Cell, x: Ctx): Details {
  const { t, wt } = x;
  const k = c.counts;
  return {
    title: c.communityName,
    subtitle: `${c.districtName} · ${c.streetName} · ${c.id}`,
    rows: [
      [t('details.fields.risk'), wt(`risk.${c.risk}`)],
      [wt('kpi.confirmed'), n(k.confirmed, x)],
      [wt('kpi.active'), n(k.active, x)],
      [t('aggregate.fields.suspected'), n(k.suspected, x)],
      [t('aggregate.fields.feverToday'), n(k.feverToday, x)],
      [t('aggregate.fields.closeContacts'), n(k.closeContacts, x)],
      [t('aggregate.fields.homeQuarantine'), n(k.homeQuarantine, x)],
      [wt('kpi.cured'), n(k.cured, x)],
      [wt('kpi.deaths'), n(k.deaths, x)],
      [t('details.fields.population'), n(c.population, x)],
      [t('details.fields.households'), n(c.households, x)],
      [t('details.fields.gridWorker'), c.gridWorker.name],
      [t('details.fields.lastVisit'), c.lastVisitAt === null ? t('details.fields.none') : formatEventTime(c.lastVisitAt, x.lang)],
    ],
  };
}

function checkpointDetails(c: Checkpoint, x: Ctx): Details {
  const { t, wt } = x;
  const d = c.today;
  return {
    title: c.name,
    subtitle: `${districtName(c.districtCode, x)} · ${c.id}`,
    rows: [
      [t('details.fields.status'), wt(`checkpoint.${c.status}`)],
      [t('details.fields.kind'), t(`values.checkpointKind.${c.kind}`)],
      [t('details.fields.staff'), n(c.staffOnDuty, x)],
      [t('details.fields.inbound'), n(d.inboundPersons, x)],
      [t('details.fields.outbound'), n(d.outboundPersons, x)],
      [t('details.fields.vehicles'), `${n(d.inboundVehicles, x)} / ${n(d.outboundVehicles, x)}`],
      [t('details.fields.passes'), n(d.passesChecked, x)],
      [t('details.fields.refused'), n(d.refused, x)],
    ],
  };
}

function teamDetails(m: Team, x: Ctx): Details {
  const { t, wt } = x;
  const task = m.taskId ? x.picture.tasks[m.taskId] : undefined;
  return {
    title: m.name,
    subtitle: `${wt(`team.${m.kind}`)} · ${districtName(m.districtCode, x)} · ${m.id}`,
    rows: [
      [t('details.fields.status'), t(`values.teamStatus.${m.status}`)],
      [t('details.fields.members'), n(m.members, x)],
      [t('details.fields.task'), task ? task.siteName : (m.taskId ?? t('details.fields.none'))],
      [t('details.fields.deliveries'), n(m.deliveriesToday ?? 0, x)],
      [t('details.fields.speed'), m.speedMps === null ? '—' : `${n(Math.round(m.speedMps * 36) / 10, x)} km/h`],
      [t('details.fields.battery'), m.batteryPct === null ? '—' : `${Math.round(m.batteryPct)}%`],
      [t('details.fields.lastFix'), m.reportedAt === null ? '—' : formatEventTime(m.reportedAt, x.lang)],
    ],
  };
}

function taskDetails(k: Task, x: Ctx): Details {
  const { t } = x;
  const team = k.teamId ? x.picture.teams[k.teamId] : undefined;
  return {
    title: k.siteName,
    subtitle: `${t(`values.siteKind.${k.siteKind}`)} · ${districtName(k.districtCode, x)} · ${k.id}`,
    rows: [
      [t('details.fields.status'), t(`values.taskStatus.${k.status}`)],
      [t('details.fields.team'), team ? team.name : (k.teamId ?? t('details.fields.none'))],
      [t('details.fields.area'), `${n(Math.round(k.areaM2), x)} m²`],
      [t('details.fields.due'), k.dueAt === null ? '—' : formatEventTime(k.dueAt, x.lang)],
    ],
  };
}

function incidentDetails(i: Incident, x: Ctx): Details {
  const { t } = x;
  const cp = i.checkpointId ? x.picture.checkpoints[i.checkpointId] : undefined;
  const team = i.teamId ? x.picture.teams[i.teamId] : undefined;
  return {
    title: t(`values.incidentKind.${i.kind}`),
    subtitle: i.id,
    rows: [
      [t('details.fields.severity'), t(`values.severity.${i.severity}`)],
      [t('details.fields.status'), t(`values.incidentStatus.${i.status}`)],
      [t('details.fields.note'), i.note || '—'],
      [t('details.fields.checkpoint'), cp?.name ?? '—'],
      [t('details.fields.team'), team?.name ?? '—'],
      [t('details.fields.reported'), formatEventTime(i.reportedAt, x.lang)],
    ],
  };
}

function districtName(code: string, x: Ctx): string {
  for (const c of Object.values(x.picture.cells)) if (c.districtCode === code) return x.wt(`district.${code}`, { defaultValue: c.districtName });
  return code;
}

function areaDetails(level: 'district' | 'street' | 'community', code: string, x: Ctx): Details | null {
  const { t, wt } = x;
  const key = level === 'district' ? 'districtCode' : level === 'street' ? 'streetCode' : 'communityCode';
  const cells = Object.values(x.picture.cells).filter((c) => c[key] === code);
  const first = cells[0];
  if (!first) return null;
  const sum = (f: (c: Cell) => number) => n(cells.reduce((s, c) => s + f(c), 0), x);
  const name = level === 'district' ? first.districtName : level === 'street' ? first.streetName : first.communityName;
  const context = level === 'district' ? '' : level === 'street' ? first.districtName : `${first.districtName} · ${first.streetName}`;
  return {
    title: name,
    subtitle: [t(`search.kinds.${level}`), context, code].filter(Boolean).join(' · '),
    rows: [
      [t('details.fields.cells'), n(cells.length, x)],
      [wt('kpi.confirmed'), sum((c) => c.counts.confirmed)],
      [wt('kpi.active'), sum((c) => c.counts.active)],
      [t('aggregate.fields.suspected'), sum((c) => c.counts.suspected)],
      [t('aggregate.fields.feverToday'), sum((c) => c.counts.feverToday)],
      [wt('risk.high'), n(cells.filter((c) => c.risk === 'high').length, x)],
      [t('details.fields.population'), sum((c) => c.population)],
    ],
  };
}

/** The side panel's rows for a selection in `picture`; null when it does not exist at that moment. */
export function detailsOf(s: Selection, x: Ctx): Details | null {
  const p = x.picture;
  switch (s.kind) {
    case 'cells':
      return p.cells[s.id] ? cellDetails(p.cells[s.id] as Cell, x) : null;
    case 'checkpoints':
      return p.checkpoints[s.id] ? checkpointDetails(p.checkpoints[s.id] as Checkpoint, x) : null;
    case 'teams':
      return p.teams[s.id] ? teamDetails(p.teams[s.id] as Team, x) : null;
    case 'tasks':
      return p.tasks[s.id] ? taskDetails(p.tasks[s.id] as Task, x) : null;
    case 'incidents':
      return p.incidents[s.id] ? incidentDetails(p.incidents[s.id] as Incident, x) : null;
    case 'area':
      return areaDetails(s.level, s.id, x);
  }
}
