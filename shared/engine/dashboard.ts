// The dashboard's numbers, each with what it counts so the screen can open the list
// behind it: applications by status (the funnel), programs by tier, readiness, the next
// deadlines, letters by stage, the ERAS cost of what was submitted, and interviews.
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES, PIPELINE_STATUSES, wasSubmitted, type Application, type ApplicationEvent, type ApplicationStatus } from '../domain/application';
import { LETTER_STAGE_LABELS, LETTER_STAGES, type Letter, type LetterStage } from '../domain/letters';
import type { Program } from '../domain/program';
import { erasListCost, type ErasCost } from './eras-fees';
import { TIER_LABELS, TIER_OUTCOMES, type TierOutcome, type TierResult } from './types';
import type { ReadinessItem } from './readiness-types';
import { erasProgress, soapProgress, type ReadinessProgress } from './readiness';
import { SOAP_NOT_APPLICABLE_ID } from './readiness-types';
import type { Agenda, AgendaEntry } from './agenda';

export interface DashboardInput {
  profileSaved: boolean;
  programs: readonly Program[];
  /** Computed tiers, same order as programs. */
  tiers: readonly TierResult[];
  applications: readonly Application[];
  /** Every application's status history (optional): a rejected or withdrawn application counts for the stages it reached. */
  history?: readonly HistoryStep[];
  letters: readonly Pick<Letter, 'stage'>[];
  readiness: readonly ReadinessItem[];
  agenda: Agenda;
  feesCombineTracks: boolean;
  /** One ERAS fee per institution, both tracks together (docs/DOMAIN.md §9; default true). */
  feesPerInstitution?: boolean;
}

export interface CountOf<K extends string> {
  key: K;
  label: string;
  count: number;
}

export interface DashboardSummary {
  /** Nothing entered yet: show the first-run screen instead of empty charts. */
  firstRun: boolean;
  profileSaved: boolean;
  programCount: number;
  onListCount: number;
  sampleProgramCount: number;
  applicationCount: number;
  /** Applications by their current status (each opens the list at that status). */
  applicationsByStatus: CountOf<ApplicationStatus>[];
  /** The funnel: for each forward stage (considering … matched), how many applications reached it or a later one. */
  applicationsReached: CountOf<FunnelStage>[];
  /** Programs by the tier the user sees (override first), all programs and those on the list. */
  programsByTier: (CountOf<TierOutcome> & { onList: number })[];
  /** ERAS readiness: the ERAS items only (not the SOAP plan's). */
  readiness: ReadinessProgress;
  /** The SOAP plan's items, counted apart; null when there are none or SOAP does not apply. */
  soapReadiness: ReadinessProgress | null;
  /** Why SOAP does not apply (matched) and what comes next, in place of its count; else null. */
  soapNotApplicable: { why: string; next: string } | null;
  /** The blocking ERAS items' titles, for the card. */
  blockingTitles: string[];
  nextDeadlines: AgendaEntry[];
  overdueCount: number;
  /** The overdue items themselves (oldest first), so the card lists what it counts. */
  overdue: AgendaEntry[];
  /** Programs on the list without an application yet. */
  listWithoutApplication: number;
  lettersByStage: CountOf<LetterStage>[];
  letterCount: number;
  /** ERAS fees for the applications submitted so far (by track). */
  erasCostSoFar: ErasCost;
  submittedCount: number;
  /** ERAS fees if every program on the list is applied to. */
  erasCostOfList: ErasCost;
  /** Applications that reached each interview stage (a ranked one was interviewed), and interview dates in the next 30 days. */
  interviews: { invited: number; scheduled: number; interviewed: number; upcoming: number };
}

/** The funnel's stages: the forward pipeline up to Matched ("not matched" reached Ranked). */
export const FUNNEL_STAGES = PIPELINE_STATUSES.filter((s) => s !== 'not_matched') as readonly FunnelStage[];
export type FunnelStage = Exclude<ApplicationStatus, 'not_matched' | 'rejected' | 'withdrawn'>;

/** A status's place in the funnel, or -1 for rejected and withdrawn (which say nothing about how far it got). */
function funnelOrder(s: ApplicationStatus): number {
  if (s === 'not_matched') return FUNNEL_STAGES.indexOf('ranked');
  return FUNNEL_STAGES.indexOf(s as FunnelStage);
}

/** What the funnel reads of a status history: each event's move, oldest first per application. */
export type HistoryStep = Pick<ApplicationEvent, 'applicationId' | 'fromStatus' | 'status'>;

/**
 * How far each application got: the furthest stage among its current status and its
 * history; at least "submitted" once it was sent (wasSubmitted), at least "considering".
 * A move back along the pipeline (Matched back to Ranked, Interviewed back to Invited) is a
 * correction: the stage it undid was never reached. A rejected or withdrawn application keeps
 * the stages it reached before. The one answer to "which stage did it reach" (the funnel, the
 * dashboard's interview counts and the Applications list's "reached" filter all read it).
 */
export function reachedStages(applications: readonly Application[], history: readonly HistoryStep[] = []): Map<number, FunnelStage> {
  const furthest = new Map<number, number>();
  for (const e of history) {
    const to = funnelOrder(e.status);
    const from = e.fromStatus === null ? -1 : funnelOrder(e.fromStatus);
    const corrected = to >= 0 && from > to;
    furthest.set(e.applicationId, corrected ? to : Math.max(furthest.get(e.applicationId) ?? 0, to));
  }
  const submitted = FUNNEL_STAGES.indexOf('submitted');
  return new Map(applications.map((a) => [a.id, FUNNEL_STAGES[Math.max(0, funnelOrder(a.status), furthest.get(a.id) ?? 0, wasSubmitted(a) ? submitted : 0)]!]));
}

/** Whether an application that reached `reached` counts for the stage `stage` (it reached it or a later one). */
export function reachedAtLeast(reached: FunnelStage, stage: FunnelStage): boolean {
  return FUNNEL_STAGES.indexOf(reached) >= FUNNEL_STAGES.indexOf(stage);
}

export function applicationsReached(applications: readonly Application[], history: readonly HistoryStep[] = []): CountOf<FunnelStage>[] {
  const reach = [...reachedStages(applications, history).values()];
  return FUNNEL_STAGES.map((s) => ({ key: s, label: APPLICATION_STATUS_LABELS[s], count: reach.filter((r) => reachedAtLeast(r, s)).length }));
}

export function dashboardSummary(input: DashboardInput): DashboardSummary {
  const appsByStatus = new Map<ApplicationStatus, number>();
  for (const a of input.applications) appsByStatus.set(a.status, (appsByStatus.get(a.status) ?? 0) + 1);

  const tierCount = new Map<TierOutcome, { count: number; onList: number }>();
  input.programs.forEach((p, i) => {
    const outcome = p.override?.outcome ?? input.tiers[i]?.outcome;
    if (outcome === undefined) return;
    const c = tierCount.get(outcome) ?? { count: 0, onList: 0 };
    c.count++;
    if (p.onList) c.onList++;
    tierCount.set(outcome, c);
  });

  const lettersByStage = new Map<LetterStage, number>();
  for (const l of input.letters) lettersByStage.set(l.stage, (lettersByStage.get(l.stage) ?? 0) + 1);

  const trackOf = new Map(input.programs.map((p) => [p.id, p.track]));
  const institutionOf = new Map(input.programs.map((p) => [p.id, p.institutionId]));
  const submitted = input.applications.filter(wasSubmitted);
  const countTracks = (ids: Iterable<number>) => {
    const c = { preliminary: 0, categorical: 0, institutions: 0 };
    const institutions = new Set<number>();
    for (const id of ids) {
      const t = trackOf.get(id);
      if (t) c[t]++;
      const inst = institutionOf.get(id);
      if (inst !== undefined) institutions.add(inst);
    }
    c.institutions = institutions.size;
    return c;
  };
  const options = { combineTracks: input.feesCombineTracks, perInstitution: input.feesPerInstitution ?? true };
  const onList = input.programs.filter((p) => p.onList);

  const readiness = erasProgress(input.readiness);
  const soapClosed = input.readiness.find((i) => i.id === SOAP_NOT_APPLICABLE_ID);
  const reached = applicationsReached(input.applications, input.history);
  const reachedCount = (stage: FunnelStage) => reached.find((r) => r.key === stage)?.count ?? 0;
  return {
    firstRun: !input.profileSaved && input.programs.length === 0 && input.applications.length === 0 && input.letters.length === 0,
    profileSaved: input.profileSaved,
    programCount: input.programs.length,
    onListCount: onList.length,
    sampleProgramCount: input.programs.filter((p) => p.institution.isSample).length,
    applicationCount: input.applications.length,
    applicationsByStatus: APPLICATION_STATUSES.map((s) => ({ key: s, label: APPLICATION_STATUS_LABELS[s], count: appsByStatus.get(s) ?? 0 })),
    applicationsReached: reached,
    programsByTier: TIER_OUTCOMES.map((o) => ({ key: o, label: TIER_LABELS[o], count: tierCount.get(o)?.count ?? 0, onList: tierCount.get(o)?.onList ?? 0 })),
    readiness,
    soapReadiness: soapProgress(input.readiness),
    soapNotApplicable: soapClosed ? { why: soapClosed.why, next: soapClosed.next } : null,
    blockingTitles: input.readiness.filter((i) => i.state === 'blocking' && i.group !== 'soap').map((i) => i.title),
    nextDeadlines: input.agenda.upcoming.slice(0, 6),
    overdueCount: input.agenda.overdue.length,
    overdue: input.agenda.overdue,
    listWithoutApplication: onList.filter((p) => !input.applications.some((a) => a.programId === p.id)).length,
    lettersByStage: LETTER_STAGES.map((s) => ({ key: s, label: LETTER_STAGE_LABELS[s], count: lettersByStage.get(s) ?? 0 })),
    letterCount: input.letters.length,
    erasCostSoFar: erasListCost(countTracks(submitted.map((a) => a.programId)), options),
    submittedCount: submitted.length,
    erasCostOfList: erasListCost(countTracks(onList.map((p) => p.id)), options),
    interviews: {
      invited: reachedCount('interview_invited'),
      scheduled: reachedCount('interview_scheduled'),
      interviewed: reachedCount('interviewed'),
      upcoming: input.agenda.upcoming.filter((e) => e.kind === 'interview').length,
    },
  };
}
