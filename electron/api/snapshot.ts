// What the readiness checklist, the dashboard, the agenda, the .ics export and the reminders
// all read: one snapshot of the data per call, the dated items built from it, and the
// SOAP plan's readiness items. Gathered from the repositories, handed to the pure engine.
import type { CalendarSettingsValue } from '../../shared/api/calendar-api';
import type { CalendarSettings } from '../../shared/domain/season-calendar';
import { soapWeekDatesFrom, type SoapWeekDates } from '../../shared/domain/soap-week-dates';
import { programLabel } from '../../shared/domain/program';
import {
  buildAgenda,
  communicationFollowUps,
  interviewItems,
  letterItems,
  letterReminderInputs,
  programDeadlineItems,
  readinessItems,
  replyByItems,
  seasonItems,
  type DatedItem,
} from '../../shared/engine/agenda';
import { invitationReplyItems } from '../../shared/engine/invitations';
import { uploadedStrongWriters } from '../../shared/engine/letters';
import { readinessChecklist, readinessLetters } from '../../shared/engine/readiness';
import type { ReadinessItem } from '../../shared/engine/readiness-types';
import { soapReadinessItems, type SoapResultInput } from '../../shared/engine/soap-readiness';
import { trackOfLabel } from '../../shared/engine/season-outcome';
import type { Repos } from '../db/repos';
import { systemTimeZone } from '../clock';
import type { HandlerContext } from './context';
import { createSeasonContext } from './season-context';
import { createPrelimService } from './prelim-handlers';

/** The calendar settings with the zone in use (the setting, or the computer's). */
export function withZone(s: CalendarSettings): CalendarSettingsValue {
  return { ...s, effectiveTimeZone: s.timeZone || systemTimeZone() }; // zone shown when none is set
}

/** Match Week dates from the season calendar, with the user's corrections (Deadlines screen). */
export function soapWeekDates(repos: Repos): SoapWeekDates {
  return soapWeekDatesFrom(createSeasonContext(repos).events());
}

/** The season's result so far, as SOAP readiness reads it (docs/DOMAIN.md §5): the Match Week result and what matched. */
export function soapResult({ repos }: Pick<HandlerContext, 'repos'>): SoapResultInput {
  const matched = repos.applications.mainMatch();
  const matchedProgram = matched ? repos.programs.get(matched.programId) : undefined;
  const accepted = repos.soap.applications().find((a) => a.status === 'accepted');
  const acceptedTrack = accepted?.programId != null ? (repos.programs.get(accepted.programId)?.track ?? null) : null;
  return {
    matchStatus: repos.soap.state().matchStatus,
    mainMatch: matched ? { label: matchedProgram ? programLabel(matchedProgram) : repos.applications.programName(matched.programId), track: matchedProgram?.track ?? null } : null,
    soapAccepted: accepted ? { label: accepted.label, track: acceptedTrack ?? trackOfLabel(accepted.label) } : null,
  };
}

/** The SOAP readiness items (shown on the SOAP screen and after the ERAS items of the checklist); one "does not apply" item once matched. */
export function soapReadiness(ctx: HandlerContext): ReadinessItem[] {
  const { repos, clock } = ctx;
  const state = repos.soap.state();
  // Letters uploaded and confirmed strong are the ones to assign to SOAP programs, counted per writer (engine/letters).
  const ready = uploadedStrongWriters(repos.letters.letters(), repos.letters.writers());
  return soapReadinessItems({
    profile: repos.profile.get().profile,
    now: clock.now(),
    rolDeadline: soapWeekDates(repos).rolDeadline,
    prelimStatementReady: state.prelimStatementReady,
    prelimStatementVersions: repos.documents.list().filter((d) => d.kind === 'personal_statement_prelim').length,
    letters: { strongUploaded: ready.strong, usSurgeonStrongUploaded: ready.usSurgeon },
    result: soapResult(ctx),
  });
}

export type Snapshot = ReturnType<typeof takeSnapshot>;

/** One snapshot of everything, read once per call. */
export function takeSnapshot(ctx: HandlerContext) {
  const { repos, clock } = ctx;
  const at = clock.now();
  const tz = clock.timeZone();
  const today = clock.today();
  const saved = repos.profile.get();
  const programs = repos.programs.list();
  const applications = repos.applications.list();
  const letterList = repos.letters.letters();
  const writers = repos.letters.writers();
  const events = createSeasonContext(repos).events();
  const eras = readinessChecklist({
    profile: saved.profile,
    profileSaved: saved.updatedAt !== null,
    programs,
    applications,
    letters: readinessLetters(letterList, writers, repos.letters.assignments(), applications),
    documents: repos.documents.list(),
    ticks: repos.calendar.ticks(),
    calendar: events,
    today,
  });
  const checklist = [...eras, ...soapReadiness(ctx)];
  return { at, tz, today, saved, programs, applications, letterList, writers, events, checklist };
}

/** Every dated item of the snapshot: season dates, deadlines, interviews, letter and message follow-ups, checklist items. */
export function datedItems(ctx: HandlerContext, s: Snapshot): DatedItem[] {
  const { repos } = ctx;
  const names = new Map(s.programs.map((p) => [p.id, programLabel(p)]));
  // Invitations recorded in the inbox carry their own reply-by (date and time, docs/DOMAIN.md §8);
  // the interview an accepted one created does not repeat it.
  const invitations = repos.invitations.list();
  const fromInbox = new Set(invitations.map((i) => i.interviewId).filter((id) => id !== null));
  const ofApplication = new Map(s.applications.map((a) => [a.id, { programId: a.programId, programName: names.get(a.programId) ?? `program ${a.programId}` }]));
  return [
    ...seasonItems(s.events),
    ...programDeadlineItems(repos.calendar.deadlines(), names),
    ...interviewItems(repos.pipeline.interviewDates()),
    ...replyByItems(repos.pipeline.invitationReplies().filter((r) => !fromInbox.has(r.id))),
    ...invitationReplyItems(invitations, ofApplication),
    ...letterItems(letterReminderInputs(s.letterList, s.writers, repos.letters.settings().reminderDays)),
    ...letterItems(communicationFollowUps(repos.communications.list(), names)),
    ...readinessItems(s.checklist),
    // The prelim-year plan's checklist (after a preliminary match).
    ...createPrelimService(ctx).datedItems(),
  ];
}

/** The snapshot and its agenda: overdue, the next `windowDays` days, all. */
export function snapshotAgenda(ctx: HandlerContext, windowDays = 30) {
  const s = takeSnapshot(ctx);
  return { s, agenda: buildAgenda(datedItems(ctx, s), s.at, s.tz, windowDays) };
}
