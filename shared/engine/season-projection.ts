// The reference dates of any Match season, projected from the weekday rules the published
// calendars follow (docs/DOMAIN.md §3; docs/DOMAIN-after-the-match.md "Season calendar rules"). Every projected date is
// "est." until the user corrects it from the source (stored per season). Pure: no clock.
import type { SeasonEvent } from '../domain/season-calendar';

/** The first and last Match seasons the app projects (a sanity bound for input checks). */
export const FIRST_MATCH_YEAR = 2020;
export const LAST_MATCH_YEAR = 2100;

const WEEKDAY = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 } as const;
type Weekday = keyof typeof WEEKDAY;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The n-th (1-based) given weekday of a month (month 1–12), as YYYY-MM-DD. */
export function nthWeekday(year: number, month: number, weekday: Weekday, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (WEEKDAY[weekday] - first.getUTCDay() + 7) % 7;
  return iso(new Date(Date.UTC(year, month - 1, 1 + offset + (n - 1) * 7)));
}

/** The last given weekday of a month. */
export function lastWeekday(year: number, month: number, weekday: Weekday): string {
  const last = new Date(Date.UTC(year, month, 0));
  const back = (last.getUTCDay() - WEEKDAY[weekday] + 7) % 7;
  return iso(new Date(Date.UTC(year, month, -back)));
}

function shift(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The weekday name of a YYYY-MM-DD date (tests and captions). */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const n = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return (Object.keys(WEEKDAY) as Weekday[]).find((k) => WEEKDAY[k] === n)!;
}

/** "2028 Match": the season's name. */
export function seasonLabel(matchYear: number): string {
  return `${matchYear} Match`;
}

/** Match Day: the third Friday of March of the Match year. */
export function matchDayOf(matchYear: number): string {
  return nthWeekday(matchYear, 3, 'friday', 3);
}

/**
 * The first day a season's records can carry (an application opened, a letter or document
 * assigned, back-filled): the previous Match Day. From one Match's results on, the next
 * season's work begins (the app lets the next season start then; ERAS itself opens in June).
 * A day before it belongs to an earlier season.
 */
export function seasonFirstDay(matchYear: number): string {
  return matchDayOf(matchYear - 1);
}

/**
 * The Match season a calendar day belongs to: a season runs from ERAS opening (June of the
 * year before) to the end of the ERAS season (31 May of the Match year), so 1 June starts
 * the next one.
 */
export function matchYearOn(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) > '05-31' ? year + 1 : year;
}

/**
 * The season's reference dates, in date order. Rules (docs/DOMAIN.md §3, checked against the
 * published 2025 and 2026 calendars and the 2027 projections):
 * - ERAS opens: first Wednesday of June of the year before (2025: 4 Jun; 2026: 3 Jun).
 * - Applicants may submit: first Wednesday of September (2025: 3 Sep; 2026: 2 Sep).
 * - Programs start reviewing (MSPE release): three weeks later, a Wednesday (2025: 24 Sep).
 * - NRMP registration opens: 15 September.
 * - NRMP standard registration deadline: last Friday of January (2027: 29 Jan).
 * - ROL certification deadline: the Wednesday 16 days before Match Day, 9 pm ET (2026: 4 Mar).
 * - Match Week Monday (status 10 am ET, SOAP opens 11 am ET): 4 days before Match Day.
 * - SOAP offer rounds: the Thursday before Match Day, 9 am, 12 pm, 3 pm, 6 pm ET; SOAP ends 9 pm ET.
 * - Match Day: the third Friday of March, results 12 pm ET.
 * - ERAS season ends: 31 May of the Match year.
 */
export function projectSeasonEvents(matchYear: number): SeasonEvent[] {
  if (!Number.isInteger(matchYear) || matchYear < FIRST_MATCH_YEAR || matchYear > LAST_MATCH_YEAR) {
    throw new RangeError(`${matchYear} is not a Match season this app projects (${FIRST_MATCH_YEAR}–${LAST_MATCH_YEAR}).`);
  }
  const before = matchYear - 1;
  const S = seasonLabel(matchYear);
  const match = matchDayOf(matchYear);
  const monday = shift(match, -4);
  const thursday = shift(match, -1);
  const submit = nthWeekday(before, 9, 'wednesday', 1);
  const eras = 'AAMC ERAS timeline';
  const nrmp = 'NRMP Match calendar';
  const soap = 'NRMP SOAP calendar';
  const ev = (e: Omit<SeasonEvent, 'season' | 'matchYear' | 'estimated'>): SeasonEvent => ({ ...e, season: S, matchYear, estimated: true });
  return [
    ev({ id: 'eras-opens', kind: 'eras', title: 'ERAS opens for applicants', date: nthWeekday(before, 6, 'wednesday', 1), time: null, source: `${eras} (projected: first Wednesday of June)`, note: 'Start your MyERAS application and request letters.' }),
    ev({ id: 'eras-submit-opens', kind: 'eras', title: 'Applicants may submit to programs', date: submit, time: null, source: `${eras} (projected: first Wednesday of September)`, note: 'Submit as early as possible once Step 2 CK is in.' }),
    ev({ id: 'nrmp-registration-opens', kind: 'nrmp', title: 'NRMP registration opens', date: `${before}-09-15`, time: null, source: `${nrmp} (projected: 15 September)`, note: '' }),
    ev({ id: 'programs-review', kind: 'eras', title: 'Programs start reviewing applications (MSPE release)', date: shift(submit, 21), time: null, source: `${eras} (projected: three weeks after submissions open)`, note: 'Have your application complete before this day.' }),
    ev({ id: 'nrmp-registration-deadline', kind: 'nrmp', title: 'NRMP standard registration deadline', date: lastWeekday(matchYear, 1, 'friday'), time: null, source: `${nrmp} (projected: last Friday of January)`, note: 'A late fee applies after this day.' }),
    ev({ id: 'rol-deadline', kind: 'nrmp', title: 'Rank order list certification deadline', date: shift(match, -16), time: '21:00', source: `${nrmp} (projected: the Wednesday 16 days before Match Day)`, note: 'Certify your rank order list before 9 pm ET.' }),
    ev({ id: 'match-week-status', kind: 'nrmp', title: 'Match Week: matched or not (status)', date: monday, time: '10:00', source: `${nrmp} (projected: Monday of Match Week)`, note: 'You learn whether you matched, not where.' }),
    ev({ id: 'soap-opens', kind: 'soap', title: 'SOAP opens; List of Unfilled Programs released', date: monday, time: '11:00', source: `${soap} (projected: Monday of Match Week)`, note: 'Up to 45 applications, only to programs on the List of Unfilled Programs.' }),
    ev({ id: 'soap-round-1', kind: 'soap', title: 'SOAP offer round 1', date: thursday, time: '09:00', source: `${soap} (projected: Thursday of Match Week)`, note: '' }),
    ev({ id: 'soap-round-2', kind: 'soap', title: 'SOAP offer round 2', date: thursday, time: '12:00', source: `${soap} (projected: Thursday of Match Week)`, note: '' }),
    ev({ id: 'soap-round-3', kind: 'soap', title: 'SOAP offer round 3', date: thursday, time: '15:00', source: `${soap} (projected: Thursday of Match Week)`, note: '' }),
    ev({ id: 'soap-round-4', kind: 'soap', title: 'SOAP offer round 4', date: thursday, time: '18:00', source: `${soap} (projected: Thursday of Match Week)`, note: '' }),
    ev({ id: 'soap-ends', kind: 'soap', title: 'SOAP ends', date: thursday, time: '21:00', source: `${soap} (projected: Thursday of Match Week)`, note: '' }),
    ev({ id: 'match-day', kind: 'nrmp', title: 'Match Day: results', date: match, time: '12:00', source: `${nrmp} (projected: third Friday of March)`, note: '' }),
    ev({ id: 'eras-season-ends', kind: 'eras', title: 'ERAS season ends', date: `${matchYear}-05-31`, time: null, source: `${eras} (projected: 31 May)`, note: '' }),
  ];
}

/** The event ids every season has (corrections are keyed by them). */
export const SEASON_EVENT_IDS: readonly string[] = projectSeasonEvents(2027).map((e) => e.id);
