// Handlers for Match seasons: the overview, the start-next-season preview, starting and
// undoing it, and a read-only view of any season (a past one read from its archive with the
// same repositories the live screens use).
import type { Handlers } from '../../shared/api/contract';
import type { seasonsApi } from '../../shared/api/seasons-api';
import type { CarryLine, NextSeasonPreview, Season, SeasonOutcome, SeasonsOverview, SeasonView } from '../../shared/domain/season';
import { APPLICATION_STATUS_LABELS } from '../../shared/domain/application';
import { LETTER_STAGE_LABELS } from '../../shared/domain/letters';
import { programLabel } from '../../shared/domain/program';
import { SOAP_APPLICATION_STATUS_LABELS } from '../../shared/domain/soap';
import { resolveSeasonEvents } from '../../shared/domain/season-calendar';
import { seasonOutcome } from '../../shared/engine/season-outcome';
import { projectSeasonEvents, seasonLabel } from '../../shared/engine/season-projection';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { createApplicationsRepo } from '../db/repos/applications-repo';
import { createCalendarRepo } from '../db/repos/calendar-repo';
import { createLettersRepo } from '../db/repos/letters-repo';
import { createPipelineRepo } from '../db/repos/pipeline-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { SEASON_TABLES } from '../db/repos/seasons-repo';
import { createSoapRepo } from '../db/repos/soap-repo';
import type { HandlerContext } from './context';

type SeasonHandlers = Pick<Handlers, keyof typeof seasonsApi>;

/** Reads a season's data with the repositories (from the live database or a past season's archive). */
export function readSeason(db: Db, season: Season): { outcome: SeasonOutcome; view: SeasonView } {
  const programs = new Map(createProgramsRepo(db).list().map((p) => [p.id, p]));
  const label = (id: number | null) => {
    const p = id === null ? undefined : programs.get(id);
    return p ? programLabel(p) : 'A deleted program';
  };
  const apps = createApplicationsRepo(db).list();
  const pipeline = createPipelineRepo(db);
  const interviews = pipeline.interviews();
  const rank = pipeline.rankList();
  const soap = createSoapRepo(db);
  const soapApps = soap.applications();
  const appProgram = new Map(apps.map((a) => [a.id, a.programId]));
  const outcome = seasonOutcome({
    applications: apps.map((a) => ({ status: a.status, submittedOn: a.submittedOn, track: programs.get(a.programId)?.track ?? 'preliminary', programLabel: label(a.programId) })),
    interviews: interviews.length,
    ranked: rank.applicationIds.length,
    soap: soapApps.map((s) => ({ status: s.status, label: s.label, track: s.programId === null ? null : (programs.get(s.programId)?.track ?? null) })),
    matchStatus: soap.state().matchStatus,
  });
  const letters = createLettersRepo(db);
  const writers = new Map(letters.writers().map((w) => [w.id, w.name]));
  const events = resolveSeasonEvents(createCalendarRepo(db).corrections(season.matchYear), projectSeasonEvents(season.matchYear));
  const view: SeasonView = {
    season: { ...season, outcome: season.outcome ?? outcome },
    outcome: season.outcome ?? outcome,
    applications: apps.map((a) => ({ programLabel: label(a.programId), status: APPLICATION_STATUS_LABELS[a.status], statusDate: a.statusDate, submittedOn: a.submittedOn })),
    interviews: interviews.map((i) => ({ programLabel: label(appProgram.get(i.applicationId) ?? null), date: i.localStart?.slice(0, 10) ?? null, status: i.completed ? 'Done' : i.localStart ? 'Scheduled' : 'Invited' })),
    rankList: rank.applicationIds.map((id, i) => ({ rank: i + 1, programLabel: label(appProgram.get(id) ?? null) })),
    soapApplications: soapApps.map((s) => ({ label: s.label, status: SOAP_APPLICATION_STATUS_LABELS[s.status], offerRound: s.offerRound })),
    letters: letters.letters().map((l) => ({ writer: writers.get(l.writerId) ?? '', label: l.label, stage: LETTER_STAGE_LABELS[l.stage], carriedFrom: l.carriedFrom })),
    calendar: events.map((e) => ({ id: e.id, title: e.title, date: e.date, time: e.time, estimated: e.estimated, corrected: e.corrected })),
  };
  return { outcome: view.outcome, view };
}

const CARRY_LABELS: Record<string, [string, string]> = {
  profile: ['Profile and exam results', 'USMLE results and attempts, ECFMG, OET, visa, USCE.'],
  institution: ['Institutions', 'With their notes, visa policy and the data you entered.'],
  program: ['Programs', 'Both tracks, notes, score cutoffs, unfilled history; your tiers are computed again.'],
  tier_override: ['Tier overrides', 'Your tiers with their notes.'],
  letter_writer: ['Letter writers', 'Names, roles and contact details.'],
  letter: ['Letters', 'Uploaded letters become importable: in MyERAS, import them into the new season.'],
  document_version: ['Documents', 'Personal statements and CV versions.'],
  message_template: ['Message templates', ''],
  prep_card: ['Interview prep card', ''],
  season_correction: ['Date corrections', 'Kept per season: the new season starts from its own projected dates.'],
};

const STAY_LABELS: Record<string, [string, string]> = {
  application: ['Applications', 'With their status history.'],
  interview: ['Interviews', ''],
  rank_entry: ['Rank list entries', ''],
  letter_assignment: ['Letter assignments', 'Which letters went to which application.'],
  application_document: ['Documents sent with applications', ''],
  communication: ['Messages log', 'Emails and calls to programs.'],
  program_deadline: ['Program deadlines', ''],
  readiness_tick: ['Readiness ticks', 'The checklist starts again for the new season.'],
  soap_plan_entry: ['SOAP fallback plan', ''],
  soap_unfilled: ['List of Unfilled Programs', ''],
  soap_application: ['SOAP applications', ''],
  invitation: ['Interview invitations', ''],
  interview_travel: ['Interview travel costs', ''],
  season_choice: ['Signal budget, geographic preference and cost settings', 'Set again for the new season.'],
};

function lines(labels: Record<string, [string, string]>, counts: Record<string, number>): CarryLine[] {
  return Object.entries(labels)
    .filter(([t]) => t in counts)
    .map(([t, [label, detail]]) => ({ label, count: counts[t]!, detail }));
}

export function createSeasonHandlers(ctx: HandlerContext): SeasonHandlers {
  const { db, repos, clock } = ctx;
  const seasons = repos.seasons;
  const calendar = repos.calendar;
  const now = () => clock.now();

  const overview = (): SeasonsOverview => {
    const active = seasons.active();
    const blocked = active.carriedFrom === null ? null : seasons.undoBlockedBecause();
    return { active, seasons: seasons.list(), undoable: active.carriedFrom !== null && blocked === null, undoBlockedBecause: blocked };
  };

  const preview = (): NextSeasonPreview => {
    const active = seasons.active();
    const { outcome } = readSeason(db, active);
    const counts = seasons.counts([...SEASON_TABLES.carry, ...SEASON_TABLES.stay]);
    const importable = seasons.lettersToMarkImportable();
    const carries = lines(CARRY_LABELS, counts).map((l) => (l.label === 'Letters' ? { ...l, detail: `${importable} uploaded, to import in MyERAS. ${l.detail}` } : l));
    const warnings: string[] = [];
    const today = clock.today();
    const matchDay = resolveSeasonEvents(calendar.corrections(active.matchYear), projectSeasonEvents(active.matchYear)).find((e) => e.id === 'match-day');
    if (matchDay && today < matchDay.date) warnings.push(`The ${active.label}'s Match Day (${matchDay.date}) is still ahead: start the next season only if you are done with this one.`);
    if (outcome.result === 'unknown' && counts.application) warnings.push('No Match result is recorded for this season; it will show as "No Match result recorded".');
    return { from: active.matchYear, to: active.matchYear + 1, carries, stays: lines(STAY_LABELS, counts), warnings, outcome };
  };

  return {
    'seasons.overview': overview,
    'seasons.preview': preview,
    'seasons.startNext': ({ from }) => {
      const active = seasons.active();
      const { outcome } = readSeason(db, active);
      seasons.startNext(from, outcome, now());
      return overview();
    },
    'seasons.undoStart': () => {
      seasons.undoStart();
      return overview();
    },
    'seasons.view': ({ matchYear }) => {
      const season = seasons.get(matchYear);
      if (!season) throw new AppError('not_found', `There is no ${seasonLabel(matchYear)} in this database.`);
      if (season.status === 'active') return readSeason(db, season).view;
      const archive = seasons.openArchive(matchYear);
      try {
        return readSeason(archive, season).view;
      } finally {
        archive.close();
      }
    },
  };
}
