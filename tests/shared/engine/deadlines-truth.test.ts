// Issue 13 "Deadlines hold everything with a date": interview reply-by dates with the
// 48-hour rule (docs/DOMAIN.md §4 "Interview invitations", NRMP MPA §6.2) and an .ics with the
// interview's real length, BUSY, its link, UTC instants without VTIMEZONE, lines folded
// by bytes and CANCELLED events. Each test failed before its fix.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildAgenda, interviewItems, replyByItems, replyWindowTooShort } from '../../../shared/engine/agenda';
import { calendarIcs, cancelledIcsEvents, foldIcsLines } from '../../../shared/engine/calendar-ics';

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const interview = { id: 5, programId: 4, programName: 'Mercy Ärztehaus Münchën (Preliminary)', date: '2026-11-02', time: '09:30', timeZone: 'America/Chicago', virtual: true, done: false, updatedAt: null, durationMinutes: 240, location: 'https://zoom.us/j/123456' };

describe('interview reply-by dates in Deadlines', () => {
  it('a reply-by date is a task in the agenda (overdue when missed), named for the program', () => {
    const items = replyByItems([{ id: 7, programId: 4, programName: 'Mercy (Preliminary)', invitedOn: '2026-10-22', respondBy: '2026-10-27', replied: false, updatedAt: null }]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ key: 'reply-by:7', date: '2026-10-27', title: 'Reply to the interview invitation: Mercy (Preliminary)', done: false, programId: 4 });
    const agenda = buildAgenda(items, new Date('2026-10-29T12:00:00Z'), 'UTC');
    expect(agenda.overdue.map((e) => e.key)).toEqual(['reply-by:7']);
  });

  it('flags a program that gives less than 48 hours to reply', () => {
    expect(replyWindowTooShort('2026-10-22', '2026-10-23')).toBe(true);
    expect(replyWindowTooShort('2026-10-22', '2026-10-22')).toBe(true);
    expect(replyWindowTooShort('2026-10-22', '2026-10-24')).toBe(false);
    expect(replyWindowTooShort(null, '2026-10-24')).toBe(false);
    const [short] = replyByItems([{ id: 8, programId: 4, programName: 'Mercy (Preliminary)', invitedOn: '2026-10-22', respondBy: '2026-10-23', replied: false, updatedAt: null }]);
    expect(short?.detail).toMatch(/less than 48 hours/);
    const [answered] = replyByItems([{ id: 9, programId: 4, programName: 'Mercy (Preliminary)', invitedOn: '2026-10-22', respondBy: '2026-10-25', replied: true, updatedAt: null }]);
    expect(answered?.done).toBe(true);
  });
});

describe('.ics', () => {
  it('an interview lasts its real length, is BUSY and carries its link', () => {
    const text = calendarIcs(interviewItems([interview]));
    const [e] = parse(text);
    expect(e!.startDate.toJSDate().toISOString()).toBe('2026-11-02T15:30:00.000Z');
    expect(e!.endDate.toJSDate().toISOString()).toBe('2026-11-02T19:30:00.000Z');
    expect(text).toMatch(/TRANSP:OPAQUE|X-MICROSOFT-CDO-BUSYSTATUS:BUSY/);
    expect(text).not.toMatch(/BUSYSTATUS:FREE/);
    expect(e!.component.getFirstPropertyValue('url') ?? e!.location).toContain('https://zoom.us/j/123456');
    expect(text).not.toContain('VTIMEZONE');
    expect(text).toMatch(/DTSTART:20261102T153000Z/);
  });

  it('folds lines at 75 octets and never splits a UTF-8 character', () => {
    const long = 'Ünïcødé ' + 'é'.repeat(120);
    const folded = foldIcsLines(`SUMMARY:${long}\r\n`);
    for (const line of folded.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${long}\r\n`);
    const text = calendarIcs(interviewItems([{ ...interview, programName: 'é'.repeat(80) }]));
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(parse(text)[0]!.summary).toBe(`Interview: ${'é'.repeat(80)}`);
  });

  it('an event that disappeared is exported as CANCELLED with a higher sequence', () => {
    const gone = cancelledIcsEvents([{ uid: 'interview:5@prelim-tracker.local', sequence: 3, title: 'Interview: Mercy', start: '2026-11-02T15:30:00.000Z' }]);
    const text = calendarIcs([], undefined, gone);
    const [e] = parse(text);
    expect(e!.uid).toBe('interview:5@prelim-tracker.local');
    expect(e!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(e!.sequence).toBe(4);
  });
});
