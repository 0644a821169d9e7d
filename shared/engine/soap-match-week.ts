/**
 * Match Week mode (docs/DOMAIN.md §5): the clock of the four Thursday offer rounds and the rules
 * of SOAP applications and offers. Pure: the repository asks these functions before it
 * writes, so the rules live (and are tested) in one place.
 */
import { SOAP_MAX_APPLICATIONS, SOAP_OFFER_ROUNDS, type SoapApplication, type SoapMatchStatus } from '../domain/soap';
import type { SoapWeekDates } from '../domain/soap-week-dates';

export type SoapPhase = 'before_soap' | 'applications' | 'offers' | 'ended';

export interface SoapClock {
  phase: SoapPhase;
  /** The round under way (1–4), 0 before the first round. */
  currentRound: number;
  /**
   * The next event: SOAP opening (round 0, Monday) before SOAP, else the next round to
   * start; null after the last. `label` names it ("SOAP opens", "Round 2 starts").
   */
  next: { round: number; label: string; at: string; msUntil: number } | null;
  /** Human countdown to the next event ("2 d 4 h", "35 min"). */
  countdown: string;
}

export function formatCountdown(ms: number): string {
  if (ms <= 0) return 'now';
  const min = Math.ceil(ms / 60000);
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min`;
}

/** Where Match Week stands at `now` (an ISO instant or Date). */
export function soapClock(now: Date | string, dates: SoapWeekDates): SoapClock {
  const t = new Date(now).getTime();
  const rounds = dates.offerRounds.map((r) => new Date(r).getTime());
  let currentRound = 0;
  rounds.forEach((r, i) => {
    if (t >= r) currentRound = i + 1;
  });
  const phase: SoapPhase = t >= new Date(dates.soapEnds).getTime() ? 'ended' : currentRound > 0 ? 'offers' : t >= new Date(dates.soapOpens).getTime() ? 'applications' : 'before_soap';
  const nextIndex = rounds.findIndex((r) => r > t);
  const next =
    phase === 'before_soap'
      ? { round: 0, label: 'SOAP opens', at: dates.soapOpens, msUntil: new Date(dates.soapOpens).getTime() - t }
      : phase === 'ended' || nextIndex < 0
        ? null
        : { round: nextIndex + 1, label: `Round ${nextIndex + 1} starts`, at: dates.offerRounds[nextIndex]!, msUntil: rounds[nextIndex]! - t };
  return { phase, currentRound, next, countdown: next ? formatCountdown(next.msUntil) : '' };
}

/** The accepted application, if any: an accepted offer is binding. */
export function acceptedApplication(apps: readonly SoapApplication[]): SoapApplication | null {
  return apps.find((a) => a.status === 'accepted') ?? null;
}

function acceptedProblem(apps: readonly SoapApplication[]): string | null {
  const accepted = acceptedApplication(apps);
  return accepted ? `You accepted ${accepted.label} in round ${accepted.offerRound}: a SOAP acceptance is binding, so no further applications or offers are possible.` : null;
}

export interface ApplyCheck {
  matchStatus: SoapMatchStatus;
  applications: readonly SoapApplication[];
  /** Programs asked for, not yet applied to. */
  newCount: number;
  unfilledImported: boolean;
  /**
   * Where Match Week stands. Before SOAP opens applications may still be recorded (planning,
   * practice, as offers may); after SOAP ends none can.
   */
  clock?: SoapClock;
}

/** Why these applications cannot be sent, or null. The track and list checks are per program (repository). */
export function soapApplyProblem(c: ApplyCheck): string | null {
  const accepted = acceptedProblem(c.applications);
  if (accepted) return accepted;
  if (c.clock?.phase === 'ended') return 'SOAP has ended; no more applications.';
  if (c.matchStatus === 'matched') return 'You matched: SOAP is only for unmatched or partially matched applicants. Change your Match Week result if this is wrong.';
  if (c.matchStatus === 'not_known') return 'Set your Match Week result first (unmatched or partially matched): SOAP opens to you only then.';
  if (!c.unfilledImported) return 'Import Monday\'s List of Unfilled Programs first: SOAP applications go only to programs on it.';
  const used = c.applications.length;
  if (used + c.newCount > SOAP_MAX_APPLICATIONS) {
    const left = Math.max(0, SOAP_MAX_APPLICATIONS - used);
    return `SOAP allows at most ${SOAP_MAX_APPLICATIONS} applications; you have sent ${used}, so ${left === 0 ? 'no more can be sent' : `only ${left} more can be sent`} (you chose ${c.newCount}).`;
  }
  return null;
}

/** Why an interview call cannot be recorded, or null. */
export function soapInterviewProblem(app: SoapApplication, apps: readonly SoapApplication[]): string | null {
  const accepted = acceptedProblem(apps);
  if (accepted) return accepted;
  if (app.status !== 'applied') return `${app.label} is "${app.status}"; an interview call can be recorded only for a program you applied to and that has not made an offer yet.`;
  return null;
}

/**
 * Why an offer in `round` cannot be recorded, or null. Rounds only move forward (an offer
 * cannot be recorded in a round earlier than one already recorded, and on Thursday only in
 * the round under way); a program whose offer was rejected or expired makes no more offers.
 */
export function soapOfferProblem(app: SoapApplication, round: number, apps: readonly SoapApplication[], clock?: SoapClock): string | null {
  const accepted = acceptedProblem(apps);
  if (accepted) return accepted;
  if (round < 1 || round > SOAP_OFFER_ROUNDS) return `The round is 1 to ${SOAP_OFFER_ROUNDS}.`;
  // On Thursday the clock says which round is under way; before it (planning, practice)
  // any round may be recorded.
  if (clock?.phase === 'ended') return 'SOAP has ended for this season: no more offers can be recorded.';
  if (clock?.phase === 'offers' && round !== clock.currentRound) {
    return round > clock.currentRound
      ? `Round ${round} has not started yet (round ${clock.currentRound} is under way${clock.next ? `; round ${clock.next.round} starts in ${clock.countdown}` : ''}).`
      : `Round ${round} is over and its offers have expired; offers now belong to round ${clock.currentRound}.`;
  }
  if (app.status === 'rejected' || app.status === 'expired') return `${app.label} already made an offer that was ${app.status === 'rejected' ? 'rejected' : 'left to expire'}: a program makes no more offers after that.`;
  if (app.status === 'offered') return `${app.label} already has an offer (round ${app.offerRound}) waiting: accept, reject or let it expire first.`;
  if (app.status !== 'applied' && app.status !== 'interview') return `${app.label} is closed; it cannot make an offer.`;
  const latest = Math.max(0, ...apps.map((a) => a.offerRound ?? 0));
  if (round < latest) return `Round ${latest} has already started (an offer is recorded in it): a new offer belongs to round ${latest} or later.`;
  return null;
}

/**
 * True when a waiting offer's round is over by the clock: an offer lasts only its round, so
 * it expired when a later round started or SOAP ended (before the rounds, nothing expires).
 */
export function offerExpiredByClock(app: Pick<SoapApplication, 'status' | 'offerRound'>, clock?: SoapClock): boolean {
  if (!clock || app.status !== 'offered' || app.offerRound === null) return false;
  return clock.phase === 'ended' || (clock.phase === 'offers' && app.offerRound < clock.currentRound);
}

/** Why the offer cannot be decided, or null. Accepting needs the offer's round to be under way (by the clock, when given). */
export function soapDecideProblem(app: SoapApplication, apps: readonly SoapApplication[], decision: 'accept' | 'reject' | 'expire' = 'accept', clock?: SoapClock): string | null {
  const accepted = acceptedProblem(apps);
  if (accepted) return accepted;
  if (app.status !== 'offered') return `${app.label} has no offer waiting (it is "${app.status}").`;
  if (decision === 'accept' && offerExpiredByClock(app, clock)) return `That offer expired at the end of round ${app.offerRound}: it can no longer be accepted.`;
  return null;
}

/**
 * Offers still pending from rounds before `round`: an offer lasts only its round, so
 * recording a later-round offer lets the older ones expire.
 */
export function offersExpiringAt(round: number, apps: readonly SoapApplication[]): SoapApplication[] {
  return apps.filter((a) => a.status === 'offered' && (a.offerRound ?? 0) < round);
}
