// The season calendar projected for any Match year (docs/DOMAIN.md §3 "Season calendar
// rules"): 2027 gives the dates of docs/DOMAIN.md §3.3; 2028 and 2029 follow the same weekday rules; a
// correction belongs to one season.
import { describe, expect, it } from 'vitest';
import { lastWeekday, matchDayOf, matchYearOn, nthWeekday, projectSeasonEvents, weekdayOf } from '../../../shared/engine/season-projection';
import { resolveSeasonEvents, seasonCorrectionSchema } from '../../../shared/domain/season-calendar';

const dates = (year: number) => Object.fromEntries(projectSeasonEvents(year).map((e) => [e.id, `${e.date}${e.time ? ` ${e.time}` : ''}`]));

describe('season projection', () => {
  it('2027 gives the dates of docs/DOMAIN.md §3', () => {
    expect(dates(2027)).toEqual({
      'eras-opens': '2026-06-03',
      'eras-submit-opens': '2026-09-02',
      'nrmp-registration-opens': '2026-09-15',
      'programs-review': '2026-09-23',
      'nrmp-registration-deadline': '2027-01-29',
      'rol-deadline': '2027-03-03 21:00',
      'match-week-status': '2027-03-15 10:00',
      'soap-opens': '2027-03-15 11:00',
      'soap-round-1': '2027-03-18 09:00',
      'soap-round-2': '2027-03-18 12:00',
      'soap-round-3': '2027-03-18 15:00',
      'soap-round-4': '2027-03-18 18:00',
      'soap-ends': '2027-03-18 21:00',
      'match-day': '2027-03-19 12:00',
      'eras-season-ends': '2027-05-31',
    });
  });

  it('reproduces the published 2025 and 2026 dates the rules were read from', () => {
    // 2026 Match: ERAS opened 4 Jun 2025, submissions 3 Sep 2025, MSPE 24 Sep 2025, ROL deadline 4 Mar 2026, Match Day 20 Mar 2026.
    const d = dates(2026);
    expect([d['eras-opens'], d['eras-submit-opens'], d['programs-review'], d['rol-deadline'], d['match-day']]).toEqual(['2025-06-04', '2025-09-03', '2025-09-24', '2026-03-04 21:00', '2026-03-20 12:00']);
  });

  it('reproduces the published 2024 Match dates (ROL deadline Wed 28 Feb, Match Day Fri 15 Mar 2024)', () => {
    expect([dates(2024)['rol-deadline'], dates(2024)['match-week-status'], dates(2024)['match-day']]).toEqual(['2024-02-28 21:00', '2024-03-11 10:00', '2024-03-15 12:00']);
  });

  it.each([2027, 2028, 2029])('the %i Match keeps the weekday rules', (year) => {
    const e = Object.fromEntries(projectSeasonEvents(year).map((x) => [x.id, x]));
    expect(weekdayOf(e['match-day']!.date)).toBe('friday');
    expect(e['match-day']!.date.slice(0, 7)).toBe(`${year}-03`);
    const day = Number(e['match-day']!.date.slice(8));
    expect(day).toBeGreaterThanOrEqual(15);
    expect(day).toBeLessThanOrEqual(21); // the third Friday falls on the 15th–21st
    expect(weekdayOf(e['match-week-status']!.date)).toBe('monday');
    expect(e['soap-opens']!.date).toBe(e['match-week-status']!.date);
    for (const r of [1, 2, 3, 4]) expect(weekdayOf(e[`soap-round-${r}`]!.date)).toBe('thursday');
    expect(weekdayOf(e['rol-deadline']!.date)).toBe('wednesday');
    expect(weekdayOf(e['eras-opens']!.date)).toBe('wednesday');
    expect(e['eras-opens']!.date.slice(0, 7)).toBe(`${year - 1}-06`);
    expect(Number(e['eras-opens']!.date.slice(8))).toBeLessThanOrEqual(7);
    expect(weekdayOf(e['eras-submit-opens']!.date)).toBe('wednesday');
    expect(weekdayOf(e['programs-review']!.date)).toBe('wednesday');
    expect(weekdayOf(e['nrmp-registration-deadline']!.date)).toBe('friday');
    expect(Number(e['nrmp-registration-deadline']!.date.slice(8))).toBeGreaterThan(24); // the last Friday of January
    expect(projectSeasonEvents(year).every((x) => x.estimated && x.matchYear === year && x.season === `${year} Match` && x.source.includes('projected'))).toBe(true);
  });

  it('2028 and 2029 dates', () => {
    expect(matchDayOf(2028)).toBe('2028-03-17');
    expect(matchDayOf(2029)).toBe('2029-03-16');
    expect(dates(2028)['eras-opens']).toBe('2027-06-02');
    expect(dates(2028)['rol-deadline']).toBe('2028-03-01 21:00');
    expect(dates(2029)['nrmp-registration-deadline']).toBe('2029-01-26');
    expect(dates(2029)['soap-round-1']).toBe('2029-03-15 09:00');
  });

  it('weekday helpers and the season a day belongs to', () => {
    expect(nthWeekday(2027, 3, 'friday', 3)).toBe('2027-03-19');
    expect(lastWeekday(2027, 1, 'friday')).toBe('2027-01-29');
    expect(lastWeekday(2028, 2, 'tuesday')).toBe('2028-02-29');
    expect(matchYearOn('2026-11-29')).toBe(2027);
    expect(matchYearOn('2027-05-31')).toBe(2027);
    expect(matchYearOn('2027-06-01')).toBe(2028);
    expect(() => projectSeasonEvents(1999)).toThrow(/not a Match season/);
  });

  it('a correction belongs to its season only', () => {
    const corrections = [{ matchYear: 2028, eventId: 'match-day', date: '2028-03-20', time: '12:00', note: 'NRMP published it', updatedAt: '2027-08-01T00:00:00Z' }];
    const y2028 = resolveSeasonEvents(corrections, projectSeasonEvents(2028)).find((e) => e.id === 'match-day')!;
    expect(y2028).toMatchObject({ date: '2028-03-20', corrected: true, estimated: false, referenceDate: '2028-03-17' });
    const y2029 = resolveSeasonEvents(corrections, projectSeasonEvents(2029)).find((e) => e.id === 'match-day')!;
    expect(y2029).toMatchObject({ date: '2029-03-16', corrected: false, estimated: true });
    expect(seasonCorrectionSchema.safeParse({ eventId: 'match-day', matchYear: 1800, date: '2028-03-20', time: null }).success).toBe(false);
  });
});
