// Handlers for SOAP: the fallback plan, Monday's unfilled list and Match Week.
import { format } from 'date-fns';
import type { Handlers } from '../../shared/api/contract';
import type { SoapOverview } from '../../shared/api/soap-api';
import { SOAP_MAX_APPLICATIONS } from '../../shared/domain/soap';
import { resolveSeasonEvents } from '../../shared/domain/season-calendar';
import { soapWeekDatesFrom, type SoapWeekDates } from '../../shared/domain/soap-week-dates';
import type { ReadinessItem } from '../../shared/engine/readiness-types';
import { acceptedApplication, soapClock } from '../../shared/engine/soap-match-week';
import { soapAllowedTracks, soapBlurb, soapCandidates, soapTrackProblem } from '../../shared/engine/soap-fallback';
import { soapReadinessItems } from '../../shared/engine/soap-readiness';
import { tierPrograms } from '../../shared/engine/tier-program';
import type { Db } from '../db/open';
import { createCalendarRepo } from '../db/repos/calendar-repo';
import { createLettersRepo } from '../db/repos/letters-repo';
import { createProfileRepo } from '../db/repos/profile-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { createSoapRepo } from '../db/repos/soap-repo';

type SoapMethod = Extract<keyof Handlers, `soap.${string}`>;
type SoapHandlers = Pick<Handlers, SoapMethod>;

const MAX_CANDIDATES = 60;

/** Match Week dates from the season calendar, with the user's corrections (Deadlines screen). */
function soapWeekDates(db: Db): SoapWeekDates {
  return soapWeekDatesFrom(resolveSeasonEvents(createCalendarRepo(db).corrections()));
}

/** The SOAP readiness items (also shown in the readiness checklist). */
export function createSoapReadiness(db: Db, now: () => Date): () => ReadinessItem[] {
  const soap = createSoapRepo(db);
  const profiles = createProfileRepo(db);
  const letters = createLettersRepo(db);
  return () => {
    const state = soap.state();
    // Letters uploaded to the LoR portal are the ones that can be assigned to SOAP programs.
    const uploaded = letters.letters().filter((l) => l.stage === 'uploaded').length;
    return soapReadinessItems({
      profile: profiles.get().profile,
      now: now(),
      rolDeadline: soapWeekDates(db).rolDeadline,
      prelimStatementReady: state.prelimStatementReady,
      lettersAssigned: uploaded,
      lettersTicked: state.lettersReady,
    });
  };
}

export function createSoapHandlers(db: Db, now: () => Date): SoapHandlers {
  const soap = createSoapRepo(db);
  const profiles = createProfileRepo(db);
  const programs = createProgramsRepo(db);
  const readiness = createSoapReadiness(db, now);

  function overview(): SoapOverview {
    const at = now();
    const today = format(at, 'yyyy-MM-dd');
    const dates = soapWeekDates(db);
    const { profile } = profiles.get();
    const state = soap.state();
    const all = programs.list();
    const tiers = tierPrograms(all, profile, today);
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
      allowed: { ...soapAllowedTracks(state.matchStatus), tracks: [...soapAllowedTracks(state.matchStatus).tracks] },
      plan,
      candidates,
      leftOut: found.leftOut,
      unfilled: unfilled.map((u) => ({ ...u, inPlan: u.programId !== null && inPlan.has(u.programId), tier: u.programId !== null ? (tierOf.get(u.programId) ?? null) : null, applicationId: u.programId !== null ? (appOf.get(u.programId) ?? null) : null })),
      applications: apps,
      used: apps.length,
      max: SOAP_MAX_APPLICATIONS,
      readiness: readiness(),
    };
  }

  return {
    'soap.overview': () => overview(),
    'soap.setMatchStatus': ({ matchStatus }) => {
      soap.setMatchStatus(matchStatus);
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
      soap.apply(programIds, now());
      return overview();
    },
    'soap.interview': ({ applicationId }) => {
      soap.recordInterview(applicationId, now());
      return overview();
    },
    'soap.offer': ({ applicationId, round }) => {
      const at = now();
      soap.recordOffer(applicationId, round, at, soapClock(at, soapWeekDates(db)));
      return overview();
    },
    'soap.decide': ({ applicationId, decision }) => {
      soap.decide(applicationId, decision, now());
      return overview();
    },
  };
}
