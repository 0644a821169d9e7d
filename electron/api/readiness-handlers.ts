// Handlers for the readiness checklist, the season calendar (corrections, program
// deadlines, agenda, .ics export), reminders and the dashboard. They gather the data from
// the repositories and hand it to the pure engine.
import { createHash } from 'node:crypto';
import type { Handlers } from '../../shared/api/contract';
import type { readinessApi } from '../../shared/api/readiness-api';
import type { calendarApi, CalendarSettingsValue } from '../../shared/api/calendar-api';
import type { CalendarSettings } from '../../shared/domain/season-calendar';
import { createSeasonContext } from './season-context';
import {
  buildAgenda,
  communicationFollowUps,
  dueReminders,
  interviewItems,
  letterItems,
  letterReminderInputs,
  programDeadlineItems,
  readinessItems,
  reminderText,
  replyByItems,
  seasonItems,
  type DatedItem,
  type InterviewDateInput,
  type InvitationReplyInput,
} from '../../shared/engine/agenda';
import { todayIn } from '../../shared/engine/calendar-dates';
import { calendarIcs, cancelledIcsEvents, icsEventContent, icsNextSequence, icsStart, icsUid } from '../../shared/engine/calendar-ics';
import { dashboardSummary } from '../../shared/engine/dashboard';
import { erasProgress, readinessChecklist, readinessLetters, soapProgress } from '../../shared/engine/readiness';
import type { ReadinessItem } from '../../shared/engine/readiness-types';
import { cachedTiers } from './tier-cache';
import type { Db } from '../db/open';
import { createApplicationsRepo } from '../db/repos/applications-repo';
import { createCalendarRepo } from '../db/repos/calendar-repo';
import { createCommunicationsRepo } from '../db/repos/communications-repo';
import { createDocumentsRepo } from '../db/repos/documents-repo';
import { createLettersRepo } from '../db/repos/letters-repo';
import { createListRepo } from '../db/repos/list-repo';
import { createProfileRepo } from '../db/repos/profile-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { programLabel } from '../../shared/domain/program';

type ReadinessHandlers = Pick<Handlers, keyof typeof readinessApi | keyof typeof calendarApi>;

export interface ReadinessSources {
  /** Interview dates (the pipeline's interviews); none until that exists. */
  interviews?: () => InterviewDateInput[];
  /** Interview invitations with a reply-by date. */
  invitations?: () => InvitationReplyInput[];
  /** More checklist items of the same type (e.g. the SOAP plan's readiness items), shown after the ERAS ones. */
  readinessItems?: (today: string) => ReadinessItem[];
  /** More dated items for Deadlines and reminders (e.g. the prelim-year plan's checklist). */
  datedItems?: () => DatedItem[];
}

/** The computer's zone (the main process and the browser-mode host run on the user's machine). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}


export function createReadinessHandlers(db: Db, now: () => Date, sources: ReadinessSources = {}): ReadinessHandlers {
  const profiles = createProfileRepo(db);
  const programsRepo = createProgramsRepo(db);
  const apps = createApplicationsRepo(db);
  const letters = createLettersRepo(db);
  const documents = createDocumentsRepo(db);
  const comms = createCommunicationsRepo(db);
  const calendar = createCalendarRepo(db);
  const list = createListRepo(db);

  const withZone = (s: CalendarSettings): CalendarSettingsValue => ({ ...s, effectiveTimeZone: s.timeZone || systemTimeZone() });
  const zone = () => withZone(calendar.settings()).effectiveTimeZone;
  const seasonCtx = createSeasonContext(db);
  const season = (matchYear?: number) => seasonCtx.events(matchYear);

  /** One snapshot of everything, read once per call. */
  function snapshot() {
    const at = now();
    const tz = zone();
    const today = todayIn(at, tz);
    const saved = profiles.get();
    const programs = programsRepo.list();
    const applications = apps.list();
    const letterList = letters.letters();
    const writers = letters.writers();
    const events = season();
    const eras = readinessChecklist({
      profile: saved.profile,
      profileSaved: saved.updatedAt !== null,
      programs,
      applications,
      letters: readinessLetters(letterList, writers, letters.assignments(), applications),
      documents: documents.list(),
      ticks: calendar.ticks(),
      calendar: events,
      today,
    });
    const checklist = [...eras, ...(sources.readinessItems?.(today) ?? [])];
    return { at, tz, today, saved, programs, applications, letterList, writers, events, checklist };
  }

  function datedItems(s: ReturnType<typeof snapshot>, checklist: readonly ReadinessItem[]): DatedItem[] {
    const names = new Map(s.programs.map((p) => [p.id, programLabel(p)]));
    return [
      ...seasonItems(s.events),
      ...programDeadlineItems(calendar.deadlines(), names),
      ...interviewItems(sources.interviews?.() ?? []),
      ...replyByItems(sources.invitations?.() ?? []),
      ...letterItems(letterReminderInputs(s.letterList, s.writers, letters.settings().reminderDays)),
      ...letterItems(communicationFollowUps(comms.list(), names)),
      ...readinessItems(checklist),
      ...(sources.datedItems?.() ?? []),
    ];
  }

  function agenda(windowDays = 30) {
    const s = snapshot();
    return { s, agenda: buildAgenda(datedItems(s, s.checklist), s.at, s.tz, windowDays) };
  }

  return {
    'readiness.checklist': () => {
      const s = snapshot();
      const affected = new Set(s.checklist.flatMap((i) => i.affectedProgramIds));
      const programNames = Object.fromEntries(s.programs.filter((p) => affected.has(p.id)).map((p) => [p.id, programLabel(p)]));
      return { today: s.today, timeZone: s.tz, items: s.checklist, progress: erasProgress(s.checklist), soapProgress: soapProgress(s.checklist), programNames };
    },
    'readiness.tick': ({ itemId, done }) => {
      calendar.setTick(itemId, done, now());
      return { ok: true as const };
    },
    'dashboard.summary': () => {
      const { s, agenda: a } = agenda(30);
      return dashboardSummary({
        profileSaved: s.saved.updatedAt !== null,
        programs: s.programs,
        tiers: cachedTiers(db, s.programs, s.saved.profile, s.today),
        applications: s.applications,
        history: apps.allHistory(),
        letters: s.letterList,
        readiness: s.checklist,
        agenda: a,
        feesCombineTracks: list.settings().feesCombineTracks,
      });
    },
    'calendar.season': ({ matchYear }) => season(matchYear),
    'calendar.correct': ({ matchYear, ...input }) => {
      const year = seasonCtx.writableYear(matchYear);
      calendar.correct({ ...input, matchYear: year }, now());
      return season(year);
    },
    'calendar.resetCorrection': ({ eventId, matchYear }) => {
      const year = seasonCtx.writableYear(matchYear);
      calendar.resetCorrection(year, eventId);
      return season(year);
    },
    'calendar.agenda': ({ windowDays }) => agenda(windowDays).agenda,
    'calendar.exportIcs': () => {
      const s = snapshot();
      const items = datedItems(s, s.checklist);
      // SEQUENCE per UID: kept while the event's content is unchanged, higher once it changed;
      // events exported before whose item is gone go out once as CANCELLED.
      const { sequences, cancelled } = calendar.icsExport(
        items.map((i) => ({ uid: icsUid(i), hash: createHash('sha256').update(icsEventContent(i)).digest('hex'), updatedAt: i.updatedAt, title: i.title, start: icsStart(i) })),
        (e, previous) => icsNextSequence(previous, e.updatedAt),
        now(),
      );
      return { filename: `prelim-tracker-${s.today}.ics`, content: calendarIcs(items, sequences, cancelledIcsEvents(cancelled)), events: items.length };
    },
    'calendar.settings': () => withZone(calendar.settings()),
    'calendar.saveSettings': (input) => withZone(calendar.saveSettings(input)),
    'deadlines.list': () => calendar.deadlines(),
    'deadlines.save': (input) => calendar.saveDeadline(input, now()),
    'deadlines.delete': ({ id }) => {
      calendar.deleteDeadline(id);
      return { ok: true as const };
    },
    'reminders.due': () => {
      const { s, agenda: a } = agenda(60);
      const due = dueReminders(a.all, calendar.settings(), calendar.shownOn(s.today));
      return due.map((e) => ({ key: e.key, ...reminderText(e), section: e.section }));
    },
    'reminders.markShown': ({ keys }) => calendar.markShown(keys, todayIn(now(), zone()), now()),
  };
}
