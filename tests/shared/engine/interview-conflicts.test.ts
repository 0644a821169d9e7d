import { describe, expect, it } from 'vitest';
import { detectInterviewConflicts, formatInZone, interviewSpans, type TimedInterview } from '../../../shared/engine/interview-conflicts';
import { localDateOf } from '../../../shared/engine/calendar-dates';
import { interviewMovesStatus, interviewSaveSchema, isIanaTimeZone, localToInstant } from '../../../shared/domain/interview';

const iv = (id: number, localStart: string, timeZone: string, durationMinutes = 60): TimedInterview => ({ id, localStart, timeZone, durationMinutes });

describe('local time + zone to an instant', () => {
  it('turns a wall-clock time in a zone into the right UTC instant, standard and daylight time', () => {
    expect(localToInstant('2026-11-03T09:00', 'America/Chicago')!.toISOString()).toBe('2026-11-03T15:00:00.000Z'); // CST, UTC-6
    expect(localToInstant('2026-10-20T09:00', 'America/Chicago')!.toISOString()).toBe('2026-10-20T14:00:00.000Z'); // CDT, UTC-5
    expect(localToInstant('2026-11-03T09:00', 'Asia/Kolkata')!.toISOString()).toBe('2026-11-03T03:30:00.000Z');
    expect(localToInstant('2026-11-03T09:00', 'UTC')!.toISOString()).toBe('2026-11-03T09:00:00.000Z');
  });

  it('refuses a wall-clock time skipped by the spring-forward change, and a non-zone', () => {
    expect(localToInstant('2027-03-14T02:30', 'America/New_York')).toBeNull();
    expect(localToInstant('2027-03-14T03:30', 'America/New_York')!.toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(localToInstant('2026-11-03T09:00', 'Mars/Olympus')).toBeNull();
    expect(isIanaTimeZone('+02:00')).toBe(false);
    expect(isIanaTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
  });

  it('shows one instant in the interview zone and in the user zone', () => {
    const start = localToInstant('2026-11-03T09:00', 'America/Los_Angeles')!;
    expect(formatInZone(start, 'America/Los_Angeles')).toBe('Tue 3 Nov 2026, 09:00 PST');
    expect(formatInZone(start, 'America/New_York')).toBe('Tue 3 Nov 2026, 12:00 EST');
    expect(formatInZone(start, 'Asia/Kolkata', false)).toBe('Tue 3 Nov, 22:30 GMT+5:30');
    // An evening interview in California is the next morning in India.
    const late = localToInstant('2026-11-03T20:00', 'America/Los_Angeles')!;
    expect(localDateOf(late, 'Asia/Kolkata')).toBe('2026-11-04');
  });
});

describe('interview conflicts', () => {
  it('finds an overlap between interviews given in different zones', () => {
    // 10:00 Eastern = 09:00 Central: the Chicago one (09:30 CST, 4 h) overlaps the New York one (10:00 EST, 4 h).
    const conflicts = detectInterviewConflicts([iv(1, '2026-11-10T10:00', 'America/New_York', 240), iv(2, '2026-11-10T09:30', 'America/Chicago', 240)], 'America/New_York');
    expect(conflicts).toEqual([{ ids: [1, 2], kind: 'overlap', minutes: 210, text: 'overlap by 3 h 30 min.' }]);
  });

  it('does not call the same wall-clock time in two zones an overlap when the instants are apart', () => {
    // 09:00 in New York and 09:00 in Los Angeles are three hours apart; 1-hour interviews leave a 2-hour gap.
    expect(detectInterviewConflicts([iv(1, '2026-11-10T09:00', 'America/New_York'), iv(2, '2026-11-10T09:00', 'America/Los_Angeles')], 'America/New_York')).toEqual([]);
  });

  it('flags interviews on the same day with less than two hours between them', () => {
    const conflicts = detectInterviewConflicts([iv(1, '2026-11-10T08:00', 'America/New_York', 60), iv(2, '2026-11-10T09:30', 'America/Chicago', 60)], 'America/New_York');
    // First ends 09:00 ET; second starts 10:30 ET: 90 minutes apart.
    expect(conflicts).toEqual([{ ids: [1, 2], kind: 'too_close', minutes: 90, text: 'are only 1 h 30 min apart on the same day (leave at least 2 h).' }]);
  });

  it('judges "the same day" in the user zone: close in time but across the user midnight is not same-day', () => {
    const a = iv(1, '2026-11-10T12:00', 'America/Los_Angeles', 60); // 20:00–21:00 UTC
    const b = iv(2, '2026-11-10T16:00', 'America/Los_Angeles', 60); // 00:00 UTC next day; gap 3h -> not too close anyway
    const c = iv(3, '2026-11-10T14:00', 'America/Los_Angeles', 60); // 22:00–23:00 UTC, 1 h after a
    expect(detectInterviewConflicts([a, c], 'UTC').map((x) => x.kind)).toEqual(['too_close']);
    // In Kolkata (UTC+5:30) a ends 02:30 on the 11th and c starts 03:30 on the 11th: same day too.
    expect(detectInterviewConflicts([a, c], 'Asia/Kolkata').map((x) => x.kind)).toEqual(['too_close']);
    // Across a user midnight: 22:00–23:00 and 00:30 next day in UTC.
    const d = iv(4, '2026-11-10T14:00', 'UTC', 60);
    const e = iv(5, '2026-11-10T16:30', 'Europe/Berlin', 60); // 15:30 UTC, gap 30 min, same UTC day
    const f = iv(6, '2026-11-10T23:00', 'UTC', 60);
    const g = iv(7, '2026-11-11T00:30', 'UTC', 60); // 30 min after f, but the next day in UTC
    expect(detectInterviewConflicts([d, e], 'UTC').map((x) => x.ids)).toEqual([[4, 5]]);
    expect(detectInterviewConflicts([f, g], 'UTC')).toEqual([]);
    expect(detectInterviewConflicts([f, g], 'America/New_York').map((x) => x.kind)).toEqual(['too_close']);
    expect(detectInterviewConflicts([a, b], 'UTC')).toEqual([]);
  });

  it('ignores unscheduled interviews and sorts by instant, not by the wall-clock text', () => {
    const list: TimedInterview[] = [{ id: 9, localStart: null, timeZone: null, durationMinutes: 60 }, iv(1, '2026-11-10T11:00', 'America/Los_Angeles'), iv(2, '2026-11-10T12:00', 'America/New_York')];
    // 11:00 in Los Angeles (19:00 UTC) comes after 12:00 in New York (17:00 UTC), which ends 18:00: a 1-hour gap.
    expect(interviewSpans(list).map((s) => s.id)).toEqual([2, 1]);
    expect(detectInterviewConflicts(list, 'UTC').map((c) => [c.ids, c.kind, c.minutes])).toEqual([[[2, 1], 'too_close', 60]]);
  });

  it('finds every pair among three overlapping interviews', () => {
    const list = [iv(1, '2026-11-12T09:00', 'UTC', 300), iv(2, '2026-11-12T10:00', 'UTC', 60), iv(3, '2026-11-12T12:00', 'UTC', 60)];
    expect(detectInterviewConflicts(list, 'UTC').map((c) => `${c.ids.join('-')} ${c.kind}`)).toEqual(['1-2 overlap', '1-3 overlap', '2-3 too_close']);
  });
});

describe('interview input', () => {
  const base = { applicationId: 1, date: '2026-10-01' };
  it('accepts a scheduled interview and fills defaults', () => {
    const v = interviewSaveSchema.parse({ ...base, invitedOn: '2026-10-01', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago' });
    expect(v).toMatchObject({ durationMinutes: 240, platform: 'zoom', completed: false, score: null });
  });
  it.each([
    [{ localStart: '2026-11-03T09:00' }, 'timeZone', /time zone/],
    [{ localStart: '2026-11-03T09:00', timeZone: 'Eastern' }, 'timeZone', /time zone from the list/],
    [{ localStart: '2027-03-14T02:30', timeZone: 'America/New_York' }, 'localStart', /does not exist in America\/New_York/],
    [{ localStart: '2026-02-30T09:00', timeZone: 'UTC' }, 'localStart', /2026-11-03T09:00/],
    [{ invitedOn: '2026-10-10', respondBy: '2026-10-01' }, 'respondBy', /before the invitation/],
    [{ completed: true }, 'completed', /date and time before marking it done/],
    [{ localStart: '2026-11-03T09:00', timeZone: 'UTC', score: 7 }, 'score', /once it is done/],
  ])('refuses %j with a message on %s', (extra, path, message) => {
    const r = interviewSaveSchema.safeParse({ ...base, ...extra });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.find((i) => i.path.join('.') === path)?.message).toMatch(message);
  });
  it('moves an application only forward along the pipeline', () => {
    expect(interviewMovesStatus('submitted', 'interview_invited')).toBe(true);
    expect(interviewMovesStatus('interview_scheduled', 'interview_invited')).toBe(false);
    expect(interviewMovesStatus('withdrawn', 'interview_scheduled')).toBe(false);
    expect(interviewMovesStatus('ranked', 'interviewed')).toBe(false);
  });
});
