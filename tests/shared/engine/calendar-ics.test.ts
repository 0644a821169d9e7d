// The exported calendar, parsed back with ical.js (a parser this project did not write):
// UIDs, times and zones.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { calendarIcs, icsEventContent, icsNextSequence, icsSequence, icsUid } from '../../../shared/engine/calendar-ics';
import { seasonItems, programDeadlineItems, interviewItems, type DatedItem } from '../../../shared/engine/agenda';
import { resolveSeasonEvents } from '../../../shared/domain/season-calendar';

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

function items(corrections: Parameters<typeof resolveSeasonEvents>[0] = []): DatedItem[] {
  return [
    ...seasonItems(resolveSeasonEvents(corrections)),
    ...programDeadlineItems([{ id: 9, programId: 4, title: 'Supplemental form', dueDate: '2026-12-31', done: false, notes: 'Online', createdAt: '', updatedAt: '2026-09-01T10:00:00Z' }], new Map([[4, 'Mercy (Preliminary)']])),
    ...interviewItems([{ id: 5, programId: 4, programName: 'Mercy (Preliminary)', date: '2026-11-02', time: '09:30', timeZone: 'America/Chicago', virtual: true, done: false, updatedAt: null, durationMinutes: 60, location: '' }]),
  ];
}

describe('calendar export (.ics)', () => {
  it('writes timed NRMP events at their Eastern instant and all-day items as dates', () => {
    const events = parse(calendarIcs(items()));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const rol = byUid.get('season:rol-deadline@prelim-tracker.local')!;
    expect(rol.startDate.isDate).toBe(false);
    expect(rol.startDate.toJSDate().toISOString()).toBe('2027-03-04T02:00:00.000Z'); // 9 pm EST
    expect(rol.summary).toBe('[est.] Rank order list certification deadline');
    expect(rol.description).toContain('estimated date');
    const monday = byUid.get('season:match-week-status@prelim-tracker.local')!;
    expect(monday.startDate.toJSDate().toISOString()).toBe('2027-03-15T14:00:00.000Z'); // 10 am EDT, after the change
    const submit = byUid.get('season:eras-submit-opens@prelim-tracker.local')!;
    expect(submit.startDate.isDate).toBe(true);
    expect(submit.startDate.toString()).toBe('2026-09-02');
    expect(submit.endDate.toString()).toBe('2026-09-03');
    const deadline = byUid.get('deadline:9@prelim-tracker.local')!;
    expect([deadline.startDate.isDate, deadline.startDate.toString(), deadline.endDate.toString()]).toEqual([true, '2026-12-31', '2027-01-01']);
    expect(deadline.summary).toBe('Supplemental form: Mercy (Preliminary)');
    const interview = byUid.get('interview:5@prelim-tracker.local')!;
    expect(interview.startDate.toJSDate().toISOString()).toBe('2026-11-02T15:30:00.000Z'); // 9:30 am CST
    expect(interview.endDate.toJSDate().toISOString()).toBe('2026-11-02T16:30:00.000Z');
  });

  it('keeps UIDs stable between exports; a corrected date comes with a higher sequence, so calendars update it', () => {
    const first = parse(calendarIcs(items()));
    const second = parse(calendarIcs(items([{ eventId: 'rol-deadline', date: '2027-03-04', time: '21:00', note: '', updatedAt: '2026-10-01T08:00:00Z' }])));
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
    const before = first.find((e) => e.uid.startsWith('season:rol-deadline'))!;
    const after = second.find((e) => e.uid.startsWith('season:rol-deadline'))!;
    expect(after.startDate.toJSDate().toISOString()).toBe('2027-03-05T02:00:00.000Z');
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.summary).toBe('Rank order list certification deadline');
  });

  it('sequence grows with the last change', () => {
    expect(icsSequence(null)).toBe(0);
    expect(icsSequence('2026-10-01T08:01:00Z')).toBeGreaterThan(icsSequence('2026-10-01T08:00:00Z'));
  });

  it('the content of an event changes with what is written (not its sequence); given sequences are used per UID', () => {
    const reset = items();
    const corrected = items([{ eventId: 'rol-deadline', date: '2027-03-04', time: '21:00', note: '', updatedAt: '2026-10-01T08:00:00Z' }]);
    const rol = (list: DatedItem[]) => list.find((i) => i.key === 'season:rol-deadline')!;
    expect(icsEventContent(rol(corrected))).not.toBe(icsEventContent(rol(reset)));
    expect(icsEventContent(rol(items()))).toBe(icsEventContent(rol(reset)));
    // A checklist group has no change date, but its title changes: a different content.
    const group = (n: number): DatedItem => ({ ...rol(reset), key: 'readiness:2026-09-02', kind: 'readiness', title: `${n} checklist items`, updatedAt: null });
    expect(icsEventContent(group(5))).not.toBe(icsEventContent(group(7)));
    const uid = icsUid(group(5));
    const [event] = parse(calendarIcs([group(5)], new Map([[uid, 12]])));
    expect([event!.uid, event!.sequence]).toEqual([uid, 12]);
  });

  it('a changed event’s sequence is higher than the last exported one and never below its change time', () => {
    expect(icsNextSequence(null, null)).toBe(0);
    expect(icsNextSequence(4, null)).toBe(5);
    const corrected = icsSequence('2026-10-01T08:00:00Z');
    expect(icsNextSequence(null, '2026-10-01T08:00:00Z')).toBe(corrected);
    expect(icsNextSequence(corrected, null)).toBe(corrected + 1); // a reset correction: no change date, still higher
    expect(icsNextSequence(3, '2026-10-01T08:00:00Z')).toBe(corrected);
  });
});
