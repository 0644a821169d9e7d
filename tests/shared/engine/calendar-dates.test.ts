// Date computations of the season calendar: time zones, a daylight-saving change, today, overdue.
import { describe, expect, it } from 'vitest';
import { daysLeft, easternTime, formatInstant, instantOf, isPast, localDateOf, userDateOf } from '../../../shared/engine/calendar-dates';
import { agendaEntry, buildAgenda, dueReminders, programDeadlineItems, readinessItems, reminderBody, reminderWhen, seasonItems, interviewItems, type DatedItem } from '../../../shared/engine/agenda';
import { readinessChecklist, readinessDue } from '../../../shared/engine/readiness';
import { seedExampleProfile } from '../../fixtures';
import { resolveSeasonEvents, SEASON_EVENTS_2027, seasonCorrectionSchema, calendarSettingsSchema } from '../../../shared/domain/season-calendar';

const ROL = { date: '2027-03-03', time: '21:00', timeZone: 'America/New_York' };
const MATCH_MONDAY = { date: '2027-03-15', time: '10:00', timeZone: 'America/New_York' };
const allDay = (date: string) => ({ date, time: null, timeZone: null });

describe('instants of Eastern times', () => {
  it('9 pm ET before the US daylight-saving change is UTC-5; 10 am ET after it (14 Mar 2027) is UTC-4', () => {
    expect(instantOf(ROL.date, ROL.time).toISOString()).toBe('2027-03-04T02:00:00.000Z');
    expect(instantOf(MATCH_MONDAY.date, MATCH_MONDAY.time).toISOString()).toBe('2027-03-15T14:00:00.000Z');
    // The first morning of EDT: 10 am on the change day itself.
    expect(instantOf('2027-03-14', '10:00').toISOString()).toBe('2027-03-14T14:00:00.000Z');
    expect(instantOf('2027-03-13', '10:00').toISOString()).toBe('2027-03-13T15:00:00.000Z');
  });

  it('shows the time in Eastern and in the user\'s zone, with the zone names', () => {
    const rol = instantOf(ROL.date, ROL.time);
    expect(easternTime(rol)).toBe('9:00 PM EST');
    expect(easternTime(instantOf(MATCH_MONDAY.date, MATCH_MONDAY.time))).toBe('10:00 AM EDT');
    expect(formatInstant(rol, 'Europe/London')).toBe('Thu 4 Mar 2027, 2:00 AM GMT');
    expect(formatInstant(rol, 'Asia/Kolkata')).toBe('Thu 4 Mar 2027, 7:30 AM GMT+5:30');
  });
});

describe('today and days left in the user\'s zone', () => {
  const now = new Date('2027-03-03T23:30:00Z'); // 6:30 pm ET on 3 Mar; 5 am on 4 Mar in Kolkata

  it('today depends on the zone', () => {
    expect(localDateOf(now, 'America/New_York')).toBe('2027-03-03');
    expect(localDateOf(now, 'Asia/Kolkata')).toBe('2027-03-04');
    expect(localDateOf(now, 'America/Los_Angeles')).toBe('2027-03-03');
  });

  it('the ROL deadline (9 pm ET on 3 Mar) is today in New York and in Kolkata (7:30 am on 4 Mar there)', () => {
    expect(daysLeft(ROL, now, 'America/New_York')).toBe(0);
    expect(daysLeft(ROL, now, 'Asia/Kolkata')).toBe(0);
    expect(userDateOf(ROL, 'Asia/Kolkata')).toBe('2027-03-04');
    expect(userDateOf(ROL, 'America/New_York')).toBe('2027-03-03');
  });

  it('a timed item is past just after its instant; an all-day item only from the next day', () => {
    const rol = instantOf(ROL.date, ROL.time);
    expect(isPast(ROL, new Date(rol.getTime() - 60_000), 'Europe/London')).toBe(false);
    expect(isPast(ROL, new Date(rol.getTime() + 60_000), 'Europe/London')).toBe(true);
    const lateOnTheDay = new Date('2026-09-02T23:59:00-04:00');
    expect(isPast(allDay('2026-09-02'), lateOnTheDay, 'America/New_York')).toBe(false);
    expect(isPast(allDay('2026-09-02'), new Date('2026-09-03T00:01:00-04:00'), 'America/New_York')).toBe(true);
  });

  it('an all-day date stays on its day in every zone', () => {
    const now2 = new Date('2026-08-31T12:00:00Z');
    for (const zone of ['Pacific/Auckland', 'America/Los_Angeles', 'UTC', 'Asia/Kolkata']) {
      expect(daysLeft(allDay('2026-09-02'), now2, zone)).toBe(zone === 'Pacific/Auckland' ? 1 : 2);
    }
  });

  it('counts calendar days across a daylight-saving change (23-hour and 25-hour days count as one)', () => {
    // Europe goes to summer time on 28 Mar 2027: from 27 Mar noon to 29 Mar noon is 47 hours.
    expect(daysLeft(allDay('2027-03-29'), new Date('2027-03-27T12:00:00Z'), 'Europe/Berlin')).toBe(2);
    // US back to standard time on 7 Nov 2027: 6 Nov 23:30 ET to an 8 Nov item.
    expect(daysLeft(allDay('2027-11-08'), new Date('2027-11-07T03:30:00Z'), 'America/New_York')).toBe(2);
    // Match Monday 10 am EDT seen from New York on 13 Mar (still EST) evening.
    expect(daysLeft(MATCH_MONDAY, new Date('2027-03-14T04:30:00Z'), 'America/New_York')).toBe(2);
  });
});

describe('the agenda', () => {
  const events = resolveSeasonEvents([]);
  const item = (over: Partial<DatedItem>): DatedItem => ({
    key: 'x', kind: 'program_deadline', title: 'T', detail: '', date: '2026-09-10', time: null, timeZone: null, estimated: false, done: false, programId: null, section: 'deadlines', updatedAt: null, source: '', ...over,
  });

  it('overdue holds tasks past their date and not done; past events are not overdue', () => {
    const now = new Date('2026-09-05T12:00:00Z');
    const a = buildAgenda(
      [item({ key: 'late', date: '2026-09-01' }), item({ key: 'late-done', date: '2026-09-01', done: true }), item({ key: 'today', date: '2026-09-05' }), item({ key: 'soon', date: '2026-10-05' }), item({ key: 'far', date: '2026-10-06' }), ...seasonItems(events)],
      now,
      'UTC',
    );
    expect(a.today).toBe('2026-09-05');
    expect(a.overdue.map((e) => e.key)).toEqual(['late']);
    expect(a.upcoming.map((e) => e.key)).toEqual(['today', 'season:nrmp-registration-opens', 'season:programs-review', 'soon']);
    expect(a.all.find((e) => e.key === 'season:eras-submit-opens')!.state).toBe('past');
    expect(a.all.find((e) => e.key === 'far')!.state).toBe('later');
    expect(a.all.find((e) => e.key === 'late-done')!.state).toBe('done');
  });

  it('timed entries carry the UTC instant, the user\'s local time and Eastern time', () => {
    const e = agendaEntry(seasonItems(events).find((x) => x.key === 'season:rol-deadline')!, new Date('2027-02-01T00:00:00Z'), 'Europe/London', 30);
    expect(e).toMatchObject({ instant: '2027-03-04T02:00:00.000Z', userDate: '2027-03-04', easternTime: '9:00 PM EST', localTime: 'Thu 4 Mar 2027, 2:00 AM GMT', estimated: true, state: 'later' });
  });

  it('corrections replace the reference date, lose the "estimated" mark and keep the reference in the source', () => {
    const resolved = resolveSeasonEvents([{ eventId: 'rol-deadline', date: '2027-03-04', time: '21:00', note: '', updatedAt: '2026-10-01T00:00:00Z' }]);
    const rol = resolved.find((e) => e.id === 'rol-deadline')!;
    expect(rol).toMatchObject({ date: '2027-03-04', estimated: false, corrected: true, referenceDate: '2027-03-03' });
    expect(seasonItems(resolved).find((x) => x.key === 'season:rol-deadline')!.source).toContain('reference: 2027-03-03 21:00 ET');
    expect(SEASON_EVENTS_2027.every((e) => e.estimated && e.source !== '' && e.season === '2027 Match')).toBe(true);
  });

  it('builds items from deadlines, interviews and readiness items', () => {
    const d = programDeadlineItems([{ id: 3, programId: 7, title: 'Supplemental', dueDate: '2026-09-20', done: false, notes: '', createdAt: '', updatedAt: '2026-09-01T00:00:00Z' }], new Map([[7, 'Mercy (Preliminary)']]));
    expect(d[0]).toMatchObject({ key: 'deadline:3', title: 'Supplemental: Mercy (Preliminary)', programId: 7 });
    const i = interviewItems([{ id: 2, programId: 7, programName: 'Mercy', date: '2026-11-02', time: '09:00', timeZone: null, virtual: true, done: false, updatedAt: null, durationMinutes: 60, location: '' }]);
    expect(i[0]).toMatchObject({ key: 'interview:2', timeZone: 'America/New_York' });
    const r = readinessItems([
      { id: 'eras.oet', group: 'exams', title: 'OET', state: 'blocking', why: '', next: 'Book it', dueDate: '2026-09-02', affectedProgramIds: [], manual: false },
      { id: 'eras.step1', group: 'exams', title: 'S1', state: 'done', why: '', next: '', dueDate: null, affectedProgramIds: [], manual: false },
      { id: 'eras.ps-surgery', group: 'documents', title: 'PS', state: 'needs_action', why: '', next: 'Write it', dueDate: '2026-09-02', affectedProgramIds: [], manual: false },
      { id: 'eras.nrmp-registered', group: 'applications', title: 'NRMP', state: 'needs_action', why: '', next: 'Register', dueDate: '2027-01-29', affectedProgramIds: [], manual: false },
    ]);
    expect(r.map((x) => [x.key, x.title, x.detail])).toEqual([
      ['readiness:2026-09-02', '2 checklist items (1 blocking)', 'OET; PS'],
      ['readiness:2027-01-29', 'NRMP', 'Register'],
    ]);
  });

  it('a checklist item due at the ROL deadline keeps 9 pm ET: overdue at 6:30 pm in Los Angeles, due today at 6:30 pm in New York', () => {
    const items = readinessChecklist({
      profile: seedExampleProfile({ visaNeed: 'h1b_required', step3Status: 'not_taken' }),
      profileSaved: true,
      programs: [],
      applications: [],
      letters: [],
      documents: [],
      ticks: {},
      calendar: resolveSeasonEvents([]),
      today: '2027-03-03',
    }).filter((i) => i.id === 'eras.step3-for-h1b');
    const [r] = readinessItems(items);
    expect(r).toMatchObject({ date: '2027-03-03', time: '21:00', timeZone: 'America/New_York' });
    // 6:30 pm PT on 3 Mar 2027 = 9:30 pm ET: the deadline passed half an hour ago.
    const la = agendaEntry(r!, new Date('2027-03-04T02:30:00Z'), 'America/Los_Angeles', 30);
    expect(la).toMatchObject({ state: 'overdue', userDate: '2027-03-03', localTime: 'Wed 3 Mar 2027, 6:00 PM PST' });
    // 6:30 pm ET: two and a half hours left, today.
    const ny = agendaEntry(r!, new Date('2027-03-03T23:30:00Z'), 'America/New_York', 30);
    expect(ny).toMatchObject({ state: 'today', daysLeft: 0, easternTime: '9:00 PM EST' });
    // The Readiness screen reads it the same way.
    expect(readinessDue(items[0]!, new Date('2027-03-04T02:30:00Z'), 'America/Los_Angeles')).toMatchObject({ overdue: true, days: 0, time: 'Wed 3 Mar 2027, 6:00 PM PST (9:00 PM EST)' });
    expect(readinessDue(items[0]!, new Date('2027-03-03T23:30:00Z'), 'America/New_York')).toMatchObject({ overdue: false, days: 0, time: 'Wed 3 Mar 2027, 9:00 PM EST' });
    // All-day items are unchanged.
    expect(readinessDue({ dueDate: '2027-03-03' }, new Date('2027-03-04T02:30:00Z'), 'America/Los_Angeles')).toMatchObject({ overdue: false, days: 0, time: null });
  });
});

describe('reminders', () => {
  const now = new Date('2026-09-05T12:00:00Z');
  const mk = (key: string, date: string, done = false, kind: DatedItem['kind'] = 'program_deadline') =>
    agendaEntry({ key, kind, title: key, detail: '', date, time: null, timeZone: null, estimated: false, done, programId: null, section: 'deadlines', updatedAt: null, source: '' }, now, 'UTC', 30);
  const entries = [mk('overdue', '2026-09-01'), mk('today', '2026-09-05'), mk('in3', '2026-09-08'), mk('in4', '2026-09-09'), mk('done', '2026-09-06', true), mk('past-event', '2026-09-01', false, 'season')];

  it('reminds of items due within the window and overdue tasks, never done items or past events', () => {
    expect(dueReminders(entries, { remindersEnabled: true, reminderDays: 3 }, new Set()).map((e) => e.key)).toEqual(['overdue', 'today', 'in3']);
    expect(dueReminders(entries, { remindersEnabled: true, reminderDays: 0 }, new Set()).map((e) => e.key)).toEqual(['overdue', 'today']);
  });

  it('at most once per item per day: items shown today are left out; disabled means none', () => {
    expect(dueReminders(entries, { remindersEnabled: true, reminderDays: 3 }, new Set(['today', 'overdue'])).map((e) => e.key)).toEqual(['in3']);
    expect(dueReminders(entries, { remindersEnabled: false, reminderDays: 3 }, new Set())).toEqual([]);
  });

  it('says when it is due, in parts the displayer writes in its locale (the engine formats no date)', () => {
    expect(entries.slice(0, 3).map(reminderWhen)).toEqual([
      { state: 'overdue', days: expect.any(Number), date: '2026-09-01', instant: null, estimated: false },
      { state: 'today', days: 0, date: entries[1]!.userDate, instant: null, estimated: false },
      { state: 'soon', days: 3, date: '2026-09-08', instant: null, estimated: false },
    ]);
    const marked = { date: (iso: string) => `<${iso}>`, easternTime: (instant: string) => `[${instant}]` };
    expect(entries.slice(0, 3).map((e) => reminderBody(reminderWhen(e), marked))).toEqual(['Overdue since <2026-09-01>', 'Due today', 'Due in 3 days (<2026-09-08>)']);
    expect(reminderBody({ state: 'tomorrow', days: 1, date: '2027-03-03', instant: '2027-03-04T02:00:00.000Z', estimated: true }, marked)).toBe('Due tomorrow, [2027-03-04T02:00:00.000Z] (estimated date)');
  });
});

describe('calendar inputs', () => {
  it('refuses an unknown event, a bad time and a bad zone with messages that say what to fix', () => {
    expect(seasonCorrectionSchema.safeParse({ eventId: 'nope', date: '2027-03-03', time: null }).error?.issues[0]?.message).toMatch(/not a date of the season calendar/);
    expect(seasonCorrectionSchema.safeParse({ eventId: 'rol-deadline', date: '2027-03-03', time: '9pm' }).error?.issues[0]?.message).toMatch(/24-hour time like 21:00/);
    expect(seasonCorrectionSchema.safeParse({ eventId: 'rol-deadline', date: '2027-02-30', time: null }).success).toBe(false);
    expect(calendarSettingsSchema.safeParse({ timeZone: 'Mars/Olympus', remindersEnabled: true, reminderDays: 3 }).error?.issues[0]?.message).toMatch(/Europe\/London/);
    expect(calendarSettingsSchema.safeParse({ timeZone: 'Asia/Kolkata', remindersEnabled: true, reminderDays: 3 }).success).toBe(true);
  });
});
