// Small helpers shared by the Applications screen's parts.
import { FUNNEL_STAGES, type FunnelStage } from '../../../shared/engine/dashboard';
import { PROGRAM_LABELS, type Program } from '../../../shared/domain/program';
import type { TierSummary } from '../../../shared/engine/types';
import { hashQuery } from '../../stores/route-query';
import type { ApplicationOverview } from '../../../shared/api/pipeline-api';
import { APPLICATION_STATUSES, SENT_FILTER, type ApplicationStatus } from '../../../shared/domain/application';

export { userTimeZone } from '../../components/format';

export function appName(a: ApplicationOverview): string {
  return `${a.program.institutionName} (${PROGRAM_LABELS.track[a.program.track]})`;
}

export function shortTrack(a: ApplicationOverview): string {
  return a.program.track === 'preliminary' ? 'Prelim' : 'Categ.';
}

export function matchesSearch(a: ApplicationOverview, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const p = a.program;
  return [p.institutionName, p.city, p.state, p.nrmpCode, PROGRAM_LABELS.track[p.track], a.notes].join(' ').toLowerCase().includes(q);
}

/** IANA zones for a picker: the US ones first (where the programs are), then every other zone this runtime knows. */
export function timeZoneOptions(): string[] {
  const us = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'America/Puerto_Rico'];
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...us, ...all.filter((z) => !us.includes(z))];
}

/** The table's filter value for "reached this stage or a later one" ("#/applications?reached=interviewed"). */
export const REACHED_PREFIX = 'reached:';

/** A status named in the URL hash ("#/applications?status=interview_invited", as the dashboard links), if valid. */
export function statusFromHash(): ApplicationStatus | typeof SENT_FILTER | `${typeof REACHED_PREFIX}${FunnelStage}` | null {
  const reached = hashQuery().get('reached');
  if (reached !== null && (FUNNEL_STAGES as readonly string[]).includes(reached)) return `${REACHED_PREFIX}${reached as FunnelStage}`;
  const status = hashQuery().get('status');
  if (status === SENT_FILTER) return SENT_FILTER;
  return status !== null && (APPLICATION_STATUSES as readonly string[]).includes(status) ? (status as ApplicationStatus) : null;
}

export const APPLICATION_VIEWS = ['board', 'table', 'interviews', 'rank', 'prep'] as const;
export type ApplicationView = (typeof APPLICATION_VIEWS)[number];

/** A view named in the URL hash ("#/applications?tab=interviews", as the dashboard links), if valid. */
export function tabFromHash(): ApplicationView | null {
  const tab = hashQuery().get('tab');
  return tab !== null && (APPLICATION_VIEWS as readonly string[]).includes(tab) ? (tab as ApplicationView) : null;
}

/**
 * "Excluded: <first reason>" when the program's tier (a tier override wins) is Excluded, so an
 * application to it is noticed on the board and in the table; null otherwise. The reason is the
 * override's note, else the first screen that excluded it.
 */
export function excludedWarning(program: Program | undefined, tier: TierSummary | undefined): string | null {
  if (!program) return null;
  const override = program.override;
  if ((override?.outcome ?? tier?.outcome) !== 'excluded') return null;
  const reason = (override?.outcome === 'excluded' ? override.note.trim() : '') || tier?.exclusions[0]?.text || (override ? 'you set this program to Excluded' : tier?.summary ?? '');
  return reason ? `Excluded: ${reason}` : 'Excluded';
}
