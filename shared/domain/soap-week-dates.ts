// The Match Week dates the SOAP feature needs, read from the season calendar
// (shared/domain/season-calendar.ts, docs/DOMAIN.md §3) with the user's corrections applied.
// The SOAP engine never reads this module: it takes a SoapWeekDates as a parameter.
import { instantOf } from '../engine/calendar-dates';
import { EASTERN, SEASON_EVENTS_2027, resolveSeasonEvents, type ResolvedSeasonEvent } from './season-calendar';

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
  const two = (n: number) => String(n).padStart(2, '0');
  return instantOf(`${year}-${two(month)}-${two(day)}`, `${two(hour)}:${two(minute)}`, EASTERN).toISOString();
}

const SOAP_EVENT_IDS = ['rol-deadline', 'soap-opens', 'soap-round-1', 'soap-round-2', 'soap-round-3', 'soap-round-4', 'soap-ends'] as const;

/**
 * The SOAP dates from the (resolved) season calendar: a date the user corrected is used as
 * corrected; the set is "estimated" while any of its dates still is.
 */
export function soapWeekDatesFrom(events: readonly ResolvedSeasonEvent[]): SoapWeekDates {
  const byId = new Map(events.map((e) => [e.id, e]));
  const pick = (id: (typeof SOAP_EVENT_IDS)[number]) => {
    const e = byId.get(id);
    if (!e || e.time === null) throw new Error(`The season calendar has no timed "${id}" event.`);
    return instantOf(e.date, e.time, EASTERN).toISOString();
  };
  const used = SOAP_EVENT_IDS.map((id) => byId.get(id)).filter((e): e is ResolvedSeasonEvent => e !== undefined);
  return {
    season: Number(byId.get('soap-opens')?.date.slice(0, 4) ?? 2027),
    rolDeadline: pick('rol-deadline'),
    soapOpens: pick('soap-opens'),
    offerRounds: [pick('soap-round-1'), pick('soap-round-2'), pick('soap-round-3'), pick('soap-round-4')],
    soapEnds: pick('soap-ends'),
    estimated: used.some((e) => e.estimated),
    source: used.some((e) => e.corrected)
      ? 'Season calendar (with your corrections; see Deadlines)'
      : `Season calendar (${used[0]?.season ?? 'this season'}, est.; NRMP publishes the exact times)`,
  };
}

/** The reference 2027 dates without corrections (tests and previews). */
export const SOAP_WEEK_DATES_2027: SoapWeekDates = soapWeekDatesFrom(resolveSeasonEvents([], SEASON_EVENTS_2027));
