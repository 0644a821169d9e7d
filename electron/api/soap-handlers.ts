// Handlers for SOAP: the fallback plan, Monday's unfilled list and Match Week.
import type { Handlers } from '../../shared/api/contract';
import type { soapApi, SoapOverview } from '../../shared/api/soap-api';
import { SOAP_MAX_APPLICATIONS } from '../../shared/domain/soap';
import { acceptedApplication, offerExpiredByClock, soapClock } from '../../shared/engine/soap-match-week';
import { soapAllowedTracks, soapBlurb, soapCandidates, soapTrackProblem } from '../../shared/engine/soap-fallback';
import { cachedTiers } from './tier-cache';
import type { HandlerContext } from './context';
import { soapReadiness, soapResult, soapWeekDates } from './snapshot';
import { soapNotApplicable } from '../../shared/engine/soap-readiness';

type SoapHandlers = Pick<Handlers, keyof typeof soapApi>;

const MAX_CANDIDATES = 60;

export function createSoapHandlers(ctx: HandlerContext): SoapHandlers {
  const { repos } = ctx;
  const soap = repos.soap;
  const now = () => ctx.clock.now();

  function overview(): SoapOverview {
    const at = ctx.clock.now();
    const today = ctx.clock.today();
    const dates = soapWeekDates(repos);
    const clock = soapClock(at, dates);
    const { profile } = repos.profile.get();
    const state = soap.state();
    const allowed = soapAllowedTracks(state.matchStatus);
    const all = repos.programs.list();
    const tiers = cachedTiers(ctx.db, all, profile, today, ctx.repos.signals.tierChoices());
    const tierOf = new Map(all.map((p, i) => [p.id, tiers[i]!]));
    const byId = new Map(all.map((p) => [p.id, p]));
    const unfilled = soap.unfilled();
    const openIds = new Set(unfilled.map((u) => u.programId).filter((id): id is number => id !== null));
    const listKnown = state.unfilledImportedAt !== null;
    const apps = soap.applications();
    const appOf = new Map(apps.filter((a) => a.programId !== null).map((a) => [a.programId!, a.id]));
    const accepted = acceptedApplication(apps);
    const planEntries = soap.plan();
    const inPlan = new Set(planEntries.map((e) => e.programId));

    const plan = planEntries.map((entry) => {
      const program = byId.get(entry.programId)!;
      const problem = accepted ? `You accepted ${accepted.label}: no further applications.` : soapTrackProblem(state.matchStatus, program);
      return { entry, program, tier: tierOf.get(program.id)!, open: listKnown ? openIds.has(program.id) : null, problem, blurb: soapBlurb(program, profile), applicationId: appOf.get(program.id) ?? null };
    });
    const found = soapCandidates({ programs: all, tiers, profile, today, matchStatus: state.matchStatus, unfilledCodes: listKnown ? new Set(unfilled.map((u) => u.nrmpCode)) : null });
    const candidates = found.candidates.filter((c) => !inPlan.has(c.programId)).slice(0, MAX_CANDIDATES).map((candidate) => ({ candidate, program: byId.get(candidate.programId)! }));

    return {
      now: at.toISOString(),
      dates,
      state,
      allowed: { ...allowed, tracks: [...allowed.tracks] },
      plan,
      candidates,
      leftOut: found.leftOut,
      unfilled: unfilled.map((u) => ({ ...u, inPlan: u.programId !== null && inPlan.has(u.programId), tier: u.programId !== null ? (tierOf.get(u.programId) ?? null) : null, applicationId: u.programId !== null ? (appOf.get(u.programId) ?? null) : null })),
      // An offer whose round is over (by the clock) shows as expired: it can no longer be accepted.
      applications: apps.map((a) => (offerExpiredByClock(a, clock) ? { ...a, status: 'expired' as const } : a)),
      used: apps.length,
      max: SOAP_MAX_APPLICATIONS,
      readiness: soapReadiness(ctx),
      notApplicable: soapNotApplicable(soapResult(ctx)),
    };
  }

  return {
    'soap.overview': () => overview(),
    'soap.setMatchStatus': ({ matchStatus }) => {
      soap.setMatchStatus(matchStatus, ctx.clock.today(), now());
      return overview();
    },
    'soap.setTicks': (ticks) => {
      soap.setTicks(ticks);
      return overview();
    },
    'soap.planAdd': ({ programIds, note }) => {
      soap.addToPlan(programIds, note, now());
      return overview();
    },
    'soap.planRemove': ({ programId }) => {
      soap.removeFromPlan(programId);
      return overview();
    },
    'soap.planReorder': ({ programIds }) => {
      soap.reorderPlan(programIds);
      return overview();
    },
    'soap.importUnfilled': (list) => {
      const summary = soap.importUnfilled(list, now());
      return { summary, overview: overview() };
    },
    'soap.apply': ({ programIds }) => {
      const at = now();
      soap.apply(programIds, at, soapClock(at, soapWeekDates(repos)));
      return overview();
    },
    'soap.interview': ({ applicationId }) => {
      soap.recordInterview(applicationId, now());
      return overview();
    },
    'soap.offer': ({ applicationId, round }) => {
      const at = now();
      soap.recordOffer(applicationId, round, at, soapClock(at, soapWeekDates(repos)));
      return overview();
    },
    'soap.decide': ({ applicationId, decision }) => {
      const at = now();
      soap.decide(applicationId, decision, at, soapClock(at, soapWeekDates(repos)), ctx.clock.today());
      return overview();
    },
  };
}
