// Handlers for SOAP: the fallback plan, Monday's unfilled list and Match Week.
import type { Handlers } from '../../shared/api/contract';
import type { SoapOverview } from '../../shared/api/soap-api';
import { SOAP_MAX_APPLICATIONS } from '../../shared/domain/soap';
import { createSeasonContext } from './season-context';
import { soapWeekDatesFrom, type SoapWeekDates } from '../../shared/domain/soap-week-dates';
import type { ReadinessItem } from '../../shared/engine/readiness-types';
import { todayIn } from '../../shared/engine/calendar-dates';
import { uploadedStrongWriters } from '../../shared/engine/letters';
import { acceptedApplication, offerExpiredByClock, soapClock } from '../../shared/engine/soap-match-week';
import { soapAllowedTracks, soapBlurb, soapCandidates, soapTrackProblem } from '../../shared/engine/soap-fallback';
import { soapReadinessItems } from '../../shared/engine/soap-readiness';
import { cachedTiers } from './tier-cache';
import type { Db } from '../db/open';
import { createCalendarRepo } from '../db/repos/calendar-repo';
import { createDocumentsRepo } from '../db/repos/documents-repo';
import { createLettersRepo } from '../db/repos/letters-repo';
import { createProfileRepo } from '../db/repos/profile-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { createSoapRepo } from '../db/repos/soap-repo';
import { systemTimeZone } from './readiness-handlers';

type SoapMethod = Extract<keyof Handlers, `soap.${string}`>;
type SoapHandlers = Pick<Handlers, SoapMethod>;

const MAX_CANDIDATES = 60;

/** Match Week dates from the season calendar, with the user's corrections (Deadlines screen). */
function soapWeekDates(db: Db): SoapWeekDates {
  return soapWeekDatesFrom(createSeasonContext(db).events());
}

/** The SOAP readiness items (also shown in the readiness checklist). */
export function createSoapReadiness(db: Db, now: () => Date): () => ReadinessItem[] {
  const soap = createSoapRepo(db);
  const profiles = createProfileRepo(db);
  const letters = createLettersRepo(db);
  const documents = createDocumentsRepo(db);
  return () => {
    const state = soap.state();
    // Letters uploaded and confirmed strong are the ones to assign to SOAP programs, counted per writer (engine/letters).
    const ready = uploadedStrongWriters(letters.letters(), letters.writers());
    return soapReadinessItems({
      profile: profiles.get().profile,
      now: now(),
      rolDeadline: soapWeekDates(db).rolDeadline,
      prelimStatementReady: state.prelimStatementReady,
      prelimStatementVersions: documents.list().filter((d) => d.kind === 'personal_statement_prelim').length,
      letters: { strongUploaded: ready.strong, usSurgeonStrongUploaded: ready.usSurgeon },
    });
  };
}

export function createSoapHandlers(db: Db, now: () => Date): SoapHandlers {
  const soap = createSoapRepo(db);
  const profiles = createProfileRepo(db);
  const programs = createProgramsRepo(db);
  const readiness = createSoapReadiness(db, now);
  const calendar = createCalendarRepo(db);
  /** Today in the user's zone (calendar settings, else the computer's), as the readiness handlers do. */
  const zone = () => calendar.settings().timeZone || systemTimeZone();

  function overview(): SoapOverview {
    const at = now();
    const today = todayIn(at, zone());
    const dates = soapWeekDates(db);
    const clock = soapClock(at, dates);
    const { profile } = profiles.get();
    const state = soap.state();
    const allowed = soapAllowedTracks(state.matchStatus);
    const all = programs.list();
    const tiers = cachedTiers(db, all, profile, today);
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
      const at = now();
      soap.apply(programIds, at, soapClock(at, soapWeekDates(db)));
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
      const at = now();
      soap.decide(applicationId, decision, at, soapClock(at, soapWeekDates(db)), todayIn(at, zone()));
      return overview();
    },
  };
}
