// TEMPORARY home of the Match Week dates the SOAP feature needs (DOMAIN.md §3, 2027 Match,
// all "est."). The season calendar (shared/domain/season-calendar.ts, another branch) will
// own these; after the merge, point `currentSoapWeekDates()` at it and delete the constants.
// The SOAP engine never reads this module: it takes a SoapWeekDates as a parameter.
import { TZDate } from '@date-fns/tz';

export const EASTERN = 'America/New_York';

export interface SoapWeekDates {
  /** Match season, e.g. 2027. */
  season: number;
  /** ROL certification deadline (UTC ISO instant). IMGs must have passed the ECFMG exams by then. */
  rolDeadline: string;
  /** Match Week Monday, 11 am ET: SOAP opens and the List of Unfilled Programs is released. */
  soapOpens: string;
  /** The four Thursday offer rounds (UTC ISO instants, in order). */
  offerRounds: [string, string, string, string];
  /** SOAP ends (Thursday evening). */
  soapEnds: string;
  /** True while the dates are projections ("est."): the screen says so. */
  estimated: boolean;
  source: string;
}

/** An Eastern wall-clock time as a UTC ISO instant (handles EST/EDT). */
export function easternInstant(year: number, month: number, day: number, hour: number, minute = 0): string {
  return new Date(new TZDate(year, month - 1, day, hour, minute, 0, EASTERN).getTime()).toISOString();
}

/** DOMAIN.md §3 rows "ROL certification deadline", "Match Week Monday", "SOAP offer rounds (Thursday)". */
export const SOAP_WEEK_DATES_2027: SoapWeekDates = {
  season: 2027,
  rolDeadline: easternInstant(2027, 3, 3, 21),
  soapOpens: easternInstant(2027, 3, 15, 11),
  offerRounds: [easternInstant(2027, 3, 18, 9), easternInstant(2027, 3, 18, 12), easternInstant(2027, 3, 18, 15), easternInstant(2027, 3, 18, 18)],
  soapEnds: easternInstant(2027, 3, 18, 21),
  estimated: true,
  source: 'DOMAIN.md §3 (2027 Match, est.; NRMP publishes the exact times)',
};

/** The dates the handlers use today. Replace with the season calendar after the merge. */
export function currentSoapWeekDates(): SoapWeekDates {
  return SOAP_WEEK_DATES_2027;
}
