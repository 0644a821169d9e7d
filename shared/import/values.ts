// Values as applicants write them in their own spreadsheets (issue 12): one rule per kind
// of value, each documented here and tested in tests/shared/import-values.test.ts. Pure.
// A rule answers a value, an error that says what to write, or (where a cell can honestly
// mean two things) the choices, so the preview asks instead of guessing.
import { findUsState } from '../domain/us-states';

export interface Choice {
  /** What the user reads: "3 of the last 4 Matches". */
  label: string;
  /** A cell text that the same rule reads without doubt ("3/4"). */
  raw: string;
}

export type Read<T> = { value: T; error?: undefined; choices?: undefined } | { error: string; value?: undefined; choices?: Choice[] };

export const ok = <T>(value: T): Read<T> => ({ value });
export const bad = <T>(error: string, choices?: Choice[]): Read<T> => (choices ? { error, choices } : { error });

/**
 * A rule of one cell text, remembered per text: a column repeats the same few values
 * ("Yes", "Strict", "Community") thousands of times. Results are never changed by callers.
 */
function remembered<T>(rule: (raw: string) => Read<T>): (raw: string) => Read<T> {
  const seen = new Map<string, Read<T>>();
  return (raw) => {
    let r = seen.get(raw);
    if (r === undefined) {
      r = rule(raw);
      if (seen.size > 5000) seen.clear();
      seen.set(raw, r);
    }
    return r;
  };
}

/** Lower case, accents off, every run of spaces (incl. no-break spaces and line breaks) one space, trimmed. */
export function plain(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(raw) ? raw : raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------
// Yes / no. Rule: the common words in English (and a few in French, German, Spanish), 1/0,
// TRUE/FALSE (spreadsheet booleans) and check marks mean yes or no; "?", "unknown", "n/a",
// "not reported", "tbd" mean unknown; an empty cell says nothing.
const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', '☑', '✅', '✔️', 'required', 'sponsors', 'sponsored', 'accepted', 'accepts', 'ok', 'oui', 'ja', 'si', 'sí', 'apply']);
const NO = new Set(['no', 'n', 'false', '0', '✗', '✘', '☐', '❌', '-', '—', 'none', 'not required', 'not accepted', 'not sponsored', 'non', 'nein', 'skip']);
const UNKNOWN = new Set(['?', '??', 'unknown', 'n/a', 'na', 'unsure', 'not sure', 'tbd', 'not reported', 'not listed', 'no info', 'no data']);

export type YesNo = 'yes' | 'no' | 'unknown';

function readYesNoRule(raw: string): Read<YesNo> {
  const s = plain(raw);
  if (YES.has(s) || /^yes\b/.test(s)) return ok('yes');
  if (NO.has(s) || /^no\b/.test(s)) return ok('no');
  if (UNKNOWN.has(s)) return ok('unknown');
  return bad(`Write Yes, No or Unknown (found "${raw.trim()}").`);
}
export const readYesNo = remembered(readYesNoRule);

// ---------------------------------------------------------------------------------------
// Visas. Rule: the letters J1 and H1(B) found anywhere (any punctuation: "J1", "J-1 only",
// "J1/H1B", "H-1B, J-1") say which visas; "both" both; "no visa", "none", "no sponsorship"
// none; "?", "not reported", "unknown" and blank unknown.
export type Visa = 'j1' | 'h1b' | 'both' | 'none' | 'unknown';

function readVisaRule(raw: string): Read<Visa> {
  const s = plain(raw);
  const squashed = s.replace(/[^a-z0-9?]/g, '');
  if (squashed === '' || UNKNOWN.has(s) || squashed === '?') return ok('unknown');
  const j1 = /j1/.test(squashed) || squashed === 'j';
  const h1b = /h1b|h1/.test(squashed);
  if (squashed.includes('both') || (j1 && h1b)) return ok('both');
  if (j1) return ok('j1');
  if (h1b) return ok('h1b');
  if (/^(none|no|novisa|novisas|nosponsorship|nonsponsored|notsponsored|nosponsor|novisasponsorship)$/.test(squashed)) return ok('none');
  return bad(`Write J-1, H-1B, J-1 + H-1B, None or Unknown (found "${raw.trim()}").`);
}
export const readVisa = remembered(readVisaRule);

// ---------------------------------------------------------------------------------------
// Score cutoffs with their kind. Rule: the number is the minimum ("220", "220+", "≥225",
// ">= 230", "min 230"); a word says the kind: strict/hard/firm/filter/cutoff → strict,
// pref/preferred/soft/recommended → preference; a number alone → kind not stated (read as a
// minimum); "none"/"no cutoff"/"no minimum" → the program states it has none; "no cutoff
// listed", "?", "unknown" → unknown.
export type CutoffRead =
  | { min: number; kind: 'strict' | 'preference' | 'not_stated' }
  | { min: null; kind: 'no_cutoff' | 'unknown' };

function readCutoffRule(raw: string): Read<CutoffRead> {
  const s = plain(raw);
  if (s === '' || UNKNOWN.has(s) || /\b(listed|known|stated|given|unclear|reported)\b|^unknown|^\?/.test(s)) return ok({ min: null, kind: 'unknown' });
  if (/^(none|no|no cut ?off|no minimum|no min|no score cut ?off|no cutoff stated|none stated|n\/a - none)$/.test(s)) return ok({ min: null, kind: 'no_cutoff' });
  const m = /(\d{2,4})/.exec(s);
  if (!m) return bad(`Write the minimum score, e.g. 220, "230 strict" or "230 preferred"; "none" when the program has no cutoff (found "${raw.trim()}").`);
  const min = Number(m[1]);
  const words = s.replace(m[1]!, ' ');
  if (/pref|soft|recommend|guideline|flexible|ideal/.test(words)) return ok({ min, kind: 'preference' });
  if (/strict|hard|firm|filter|cut ?off|must|required|auto/.test(words)) return ok({ min, kind: 'strict' });
  if (/^[\s≥>=+min.imu:()]*$/.test(words)) return ok({ min, kind: 'not_stated' });
  return bad(`Write the minimum score, e.g. 220, "230 strict" or "230 preferred" (found "${raw.trim()}").`);
}
export const readCutoff = remembered(readCutoffRule);

/** A column that says only the kind: "strict"/"preference" words, or a yes/no "Strict cutoff" column (yes = strict, no = preference). */
export function readCutoffKind(raw: string, yesMeansStrict: boolean): Read<'strict' | 'preference'> {
  const s = plain(raw);
  if (yesMeansStrict) {
    const yn = readYesNo(raw);
    if (yn.value === 'yes') return ok('strict');
    if (yn.value === 'no') return ok('preference');
  }
  if (/^(strict|hard|firm|filter|required|must|cutoff)/.test(s)) return ok('strict');
  if (/^(pref|soft|recommend|guideline|flexible)/.test(s)) return ok('preference');
  return bad(`Write Strict or Preference (found "${raw.trim()}").`);
}

// ---------------------------------------------------------------------------------------
// Unfilled history. Rule: "2025: 2; 2024: 1" are positions per Match year; "3/4", "3 of 4",
// "3/4 yrs" are unfilled Matches out of the last N; "every year"/"always" all of the last N,
// "0"/"never" none; years written alone ("SOAP 2024, 2025", "2023") are the Matches it went
// unfilled (or to SOAP) in; a plain count ("3") needs N from the header ("Unfilled (last 4
// yrs)"), else the preview asks. N is the header's, else 4 (docs/DOMAIN.md §4, tiers).
export interface UnfilledRead {
  byYear: { year: number; unfilled: number }[];
  /** Matches unfilled out of the last `window`, when written as a count. */
  count: number | null;
  window: number | null;
  /** Match years it was unfilled in, when written as years. */
  years: number[];
}

export const DEFAULT_UNFILLED_WINDOW = 4;

/** "Unfilled (last 4 yrs)", "Unfilled in last 3 Matches" -> 4, 3; no number -> null. */
export function unfilledWindowOf(header: string): number | null {
  const m = /(?:last|past)\s*(\d{1,2})\s*(?:y|yrs?|years?|matches|cycles|seasons)?/i.exec(header) ?? /(\d{1,2})\s*(?:yrs?|years|matches|cycles)/i.exec(header);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 20 ? n : null;
}

export function readUnfilled(raw: string, headerWindow: number | null, lastMatchYear: number): Read<UnfilledRead> {
  const s = plain(raw);
  const window = headerWindow ?? DEFAULT_UNFILLED_WINDOW;
  const none: UnfilledRead = { byYear: [], count: null, window: null, years: [] };
  if (s === '' || UNKNOWN.has(s)) return ok(none);
  const pairs = s.split(/[;,|\n]/).map((p) => p.trim()).filter((p) => p !== '');
  if (pairs.length > 0 && pairs.every((p) => /^\d{4}\s*[:=]\s*\d+$/.test(p))) {
    return ok({ ...none, byYear: pairs.map((p) => { const [y, n] = p.split(/\s*[:=]\s*/); return { year: Number(y), unfilled: Number(n) }; }) });
  }
  const frac = /^(\d{1,2})\s*(?:\/|of|out of)\s*(?:the\s*)?(?:last\s*)?(\d{1,2})\b/.exec(s);
  if (frac) return ok({ ...none, count: Number(frac[1]), window: Number(frac[2]) });
  if (/^(every ?year|always|each year|yearly|all years|annually)\b/.test(s)) return ok({ ...none, count: window, window });
  if (/^(never|0|none|no|filled)$/.test(s)) return ok({ ...none, count: 0, window });
  const years = [...s.matchAll(/\b(19|20)(\d{2})\b/g)].map((m) => Number(m[1]! + m[2]!));
  if (years.length > 0 && /^(soap|unfilled|went unfilled|in|years?|matches?)?[\s,;&and0-9'/]*$/.test(s.replace(/\b(soap|unfilled|in|and)\b/g, ' '))) {
    const uniq = [...new Set(years)].filter((y) => y <= lastMatchYear + 1).sort((a, b) => a - b);
    return ok({ ...none, years: uniq });
  }
  if (/^\d{1,2}$/.test(s)) {
    const n = Number(s);
    if (headerWindow !== null && n <= headerWindow) return ok({ ...none, count: n, window: headerWindow });
    return bad(`"${raw.trim()}" can be a number of Matches or of positions; choose one.`, [
      ...(n <= window ? [{ label: `Unfilled in ${n} of the last ${window} Matches`, raw: `${n}/${window}` }] : []),
      { label: `${n} position${n === 1 ? '' : 's'} unfilled in the ${lastMatchYear} Match`, raw: `${lastMatchYear}: ${n}` },
    ]);
  }
  return bad(`Write the unfilled Matches as "3/4" (3 of the last 4), "every year", "SOAP 2024, 2025", or positions per year as "2025: 2; 2024: 1" (found "${raw.trim()}").`);
}

// ---------------------------------------------------------------------------------------
// Graduation limits. Rule: a small number is the most years since graduation ("5", "<5 yrs",
// "≤5 yrs", "within 5 years", "max 5"); a year is the earliest graduation year accepted
// ("2019+", "grad ≥ 2018", "2019 or later", "2019"); "no limit"/"none"/"any" states none.
export type GraduationRead = { maxYears: number | null; minYear: number | null; noLimit: boolean };

function readGraduationLimitRule(raw: string): Read<GraduationRead> {
  const s = plain(raw);
  if (s === '' || UNKNOWN.has(s)) return ok({ maxYears: null, minYear: null, noLimit: false });
  if (/^(no ?limit|none|any|no|unlimited|no cut ?off|no yog( limit)?|n\/a - none)$/.test(s)) return ok({ maxYears: null, minYear: null, noLimit: true });
  const year = /\b(19[5-9]\d|20\d{2})\b/.exec(s);
  if (year) return ok({ maxYears: null, minYear: Number(year[1]), noLimit: false });
  const n = /(\d{1,2})(?:\.0+)?/.exec(s);
  if (n && /^[\s<≤=>max.imunwithtsyearsor:()\d-]*$/.test(s)) return ok({ maxYears: Number(n[1]), minYear: null, noLimit: false });
  return bad(`Write the most years since graduation (e.g. 5 or "<5 yrs"), the earliest graduation year (e.g. "2019+"), or "no limit" (found "${raw.trim()}").`);
}
export const readGraduationLimit = remembered(readGraduationLimitRule);

// ---------------------------------------------------------------------------------------
// USCE. Rule: yes/required (with an optional number of months: "3 mo required",
// "yes – 3 months") is a requirement; "preferred"/"recommended"/"plus" a preference, never a
// screen; no/not required none; a number of months alone is a requirement of that many.
export type UsceRead = { required: YesNo; preferred: boolean; months: number | null };

function readUsceRule(raw: string): Read<UsceRead> {
  const s = plain(raw);
  if (s === '' || UNKNOWN.has(s)) return ok({ required: 'unknown', preferred: false, months: null });
  const m = /(\d{1,2})\s*(?:mo|mos|month|months|m)\b/.exec(s) ?? /^(\d{1,2})$/.exec(s);
  const months = m ? Number(m[1]) : null;
  if (/pref|recommend|plus|desired|strongly|advantage/.test(s)) return ok({ required: 'no', preferred: true, months });
  if (/^(no|not required|none|not needed|false|0)$/.test(s) || /^not\b/.test(s)) return ok({ required: 'no', preferred: false, months: null });
  if (months !== null || /^(yes|required|req|must|true|y|x|✓|✔|☑|✅)/.test(s) || YES.has(s)) return ok({ required: 'yes', preferred: false, months });
  return bad(`Write Required (optionally with months, e.g. "3 mo required"), Preferred or No (found "${raw.trim()}").`);
}
export const readUsce = remembered(readUsceRule);

// ---------------------------------------------------------------------------------------
// Percentages. Rule: "12%" and "12" are percent points; a decimal comma is a decimal point
// ("25,5" = 25.5); a fraction (0.25) is read as a fraction when the column holds only
// numbers between 0 and 1 (then 0.25 = 25 %), else as points. The column decides, once.
export type PercentMode = 'points' | 'fraction';

export function percentModeOf(cells: readonly string[]): PercentMode {
  let any = false;
  for (const c of cells) {
    const t = c.trim();
    if (t === '') continue;
    if (t.includes('%')) return 'points';
    const n = Number(t.replace(',', '.'));
    if (!Number.isFinite(n)) continue;
    if (n > 1) return 'points';
    if (n > 0) any = true;
  }
  return any ? 'fraction' : 'points';
}

export function readPercent(raw: string, mode: PercentMode): Read<number> {
  const t = raw.trim().replace(/\s/g, '');
  const m = /^(\d+(?:[.,]\d+)?)%?$/.exec(t);
  if (!m) return bad(`Write a percentage, e.g. 25% or 25 (found "${raw.trim()}").`);
  const n = Number(m[1]!.replace(',', '.'));
  const pct = t.endsWith('%') || mode === 'points' ? n : n * 100;
  return ok(Math.round(pct * 1e6) / 1e6);
}

// ---------------------------------------------------------------------------------------
// Numbers and money. Rule: currency signs and spaces are dropped; a comma followed by
// exactly three digits is a thousands separator ("1,812", "$62,400.00"); a dot followed by
// exactly three digits (and no other dot or comma part) is too in money ("62.400" = 62400,
// the European habit: a salary of $62.40 does not exist); otherwise a comma is a decimal
// comma ("25,5").
export function readNumber(raw: string, money = false): Read<number> {
  let t = raw.trim().replace(/[$€£\s\u00a0]|usd|eur/gi, '');
  t = t.replace(/^(?:>=|≥|>|min\.?|minimum)/i, '').replace(/(?:\+|years?|yrs?|months?|mos?)$/i, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (money && /^\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  else if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return bad(`Write a number, e.g. 220 (found "${raw.trim()}").`);
  return ok(Number(t));
}

// ---------------------------------------------------------------------------------------
// Dates. Rule: YYYY-MM-DD (and ISO date-times); D.M.YYYY with dots is day first (the
// European habit); M/D/YYYY with slashes is month first (the US habit) unless the column
// has a first number above 12 (then day first); an Excel serial day number (e.g. 46267)
// is that day; a month and day without a year ("Oct 22", "22 Oct") takes the year the
// season had then: June–December the season's first year, January–May the next.
export type DayOrder = 'mdy' | 'dmy';

export function dayOrderOf(cells: readonly string[]): DayOrder {
  for (const c of cells) {
    const m = /^(\d{1,2})\/(\d{1,2})\/\d{2,4}$/.exec(c.trim());
    if (m && Number(m[1]) > 12) return 'dmy';
  }
  return 'mdy';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const year4 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** seasonStartYear: the calendar year the season's applications go out (2026 for the 2027 Match). */
export function readDate(raw: string, order: DayOrder, seasonStartYear: number): Read<string> {
  const s = raw.trim();
  const fail = () => bad<string>(`Write the date as YYYY-MM-DD, e.g. ${seasonStartYear}-09-15 (found "${s}").`);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3])) ? ok(isoOf(Number(m[1]), Number(m[2]), Number(m[3]))!) : fail();
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s);
  if (m) return ((d) => (d ? ok(d) : fail()))(isoOf(year4(m[3]!), Number(m[2]), Number(m[1])));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const d = order === 'dmy' || a > 12 ? isoOf(year4(m[3]!), b, a) : isoOf(year4(m[3]!), a, b);
    return d ? ok(d) : fail();
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial > 20000 && serial < 80000) return ok(new Date(Math.round((serial - 25569) * 86400 * 1000)).toISOString().slice(0, 10));
  }
  const word = plain(s).replace(/,/g, ' ').replace(/\s+/g, ' ');
  m = /^([a-z]{3})[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/.exec(word) ?? null;
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  if (m) [month, day, year] = [MONTHS.indexOf(m[1]!) + 1, Number(m[2]), m[3] ? Number(m[3]) : undefined];
  else {
    const r = /^(\d{1,2})(?:st|nd|rd|th)?\.? ([a-z]{3})[a-z]*\.?(?: (\d{4}))?$/.exec(word);
    if (r) [day, month, year] = [Number(r[1]), MONTHS.indexOf(r[2]!) + 1, r[3] ? Number(r[3]) : undefined];
  }
  if (month !== undefined && month > 0 && day !== undefined) {
    const y = year ?? (month >= 6 ? seasonStartYear : seasonStartYear + 1);
    const d = isoOf(y, month, day);
    return d ? ok(d) : fail();
  }
  return fail();
}

// ---------------------------------------------------------------------------------------
// Places. Rule: a state is its two-letter code in any case or its full name; "City, ST",
// "City,ST", "City ST" and "City, Full State Name" (no-break spaces read as spaces) are a
// city and a state.
function readStateRule(raw: string): Read<string> {
  const s = raw.replace(/\u00a0/g, ' ').trim();
  const found = findUsState(s);
  return found ? ok(found.code) : bad(`"${s}" is not a US state or territory; use its two-letter code (e.g. OH) or full name.`);
}
export const readState = remembered(readStateRule);

function readCityStateRule(raw: string): Read<{ city: string; state: string }> {
  const s = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  const comma = s.lastIndexOf(',');
  if (comma > 0) {
    const state = findUsState(s.slice(comma + 1).trim());
    if (state) return ok({ city: s.slice(0, comma).trim(), state: state.code });
    return bad(`"${s.slice(comma + 1).trim()}" is not a US state or territory; write the city and the state's two-letter code, e.g. "Toledo, OH".`);
  }
  const words = s.split(' ');
  for (const n of [3, 2, 1]) {
    if (words.length <= n) continue;
    const state = findUsState(words.slice(-n).join(' '));
    if (state) return ok({ city: words.slice(0, -n).join(' '), state: state.code });
  }
  return bad(`Write the city and state as "Toledo, OH" (found "${s}").`);
}
export const readCityState = remembered(readCityStateRule);

// ---------------------------------------------------------------------------------------
// Program settings. Rule: FREIDA's words and the usual short ones: "Community-based
// university affiliated" (or any "affiliated") → community, university-affiliated;
// "Community(-based)" → community; "University(-based)"/"Academic" → university;
// "Top academic"/"flagship" → top academic; "Military-based" → unknown setting, kept as the
// tag "Military" (military programs train officers of the US armed forces).
export type SettingRead = { setting: 'community' | 'community_university_affiliated' | 'university' | 'top_academic' | 'unknown'; military: boolean };

function readSettingRule(raw: string): Read<SettingRead> {
  const s = plain(raw).replace(/[^a-z ]/g, ' ');
  if (/affiliat|community university|university community/.test(s)) return ok({ setting: 'community_university_affiliated', military: false });
  if (/military|army|navy|air force/.test(s)) return ok({ setting: 'unknown', military: true });
  if (/community/.test(s)) return ok({ setting: 'community', military: false });
  if (/top|tertiary|flagship/.test(s)) return ok({ setting: 'top_academic', military: false });
  if (/university|academic/.test(s)) return ok({ setting: 'university', military: false });
  if (s.trim() === '' || UNKNOWN.has(s.trim()) || s.trim() === 'other') return ok({ setting: 'unknown', military: false });
  return bad(`Write Community, Community university-affiliated, University or Top academic (found "${raw.trim()}").`);
}
export const readSetting = remembered(readSettingRule);

// ---------------------------------------------------------------------------------------
// Tracks. Rule: P/prelim/preliminary → preliminary; C/cat/categorical → categorical;
// "Both"/"C+P"/"P & C" → both (the row stands for two programs).
export type TrackRead = 'preliminary' | 'categorical' | 'both';

function readTrackRule(raw: string): Read<TrackRead> {
  const s = plain(raw).replace(/[^a-z+&/ ]/g, '');
  const prelim = /\bp\b|prelim/.test(s);
  const cat = /\bc\b|\bcat\b|categorical/.test(s);
  if (/\bboth\b/.test(s) || (prelim && cat)) return ok('both');
  if (prelim) return ok('preliminary');
  if (cat) return ok('categorical');
  return bad(`Write Preliminary, Categorical or Both (found "${raw.trim()}").`);
}
export const readTrack = remembered(readTrackRule);

// ---------------------------------------------------------------------------------------
// IMG friendliness, the applicant's own rating. Rule: High/Med/Medium/Low (and very high,
// good, poor…) → high, medium, low. It is not an IMG share.
export type Friendliness = 'high' | 'medium' | 'low' | 'unknown';

function readFriendlinessRule(raw: string): Read<Friendliness> {
  const s = plain(raw);
  if (s === '' || UNKNOWN.has(s)) return ok('unknown');
  if (/^(very )?(high|hi|good|great|yes|strong|friendly|very friendly|\+\+?|5|4)$/.test(s)) return ok('high');
  if (/^(med|medium|mid|moderate|ok|okay|some|average|3)$/.test(s)) return ok('medium');
  if (/^(very )?(low|lo|poor|bad|no|none|unfriendly|-|--|1|2)$/.test(s)) return ok('low');
  return bad(`Write High, Medium or Low (found "${raw.trim()}").`);
}
export const readFriendliness = remembered(readFriendlinessRule);

// ---------------------------------------------------------------------------------------
// Attempts. Rule: "1", "first attempt only", "FA only" → first attempt only; a higher number
// ("2", "max 2 attempts") → more attempts accepted; yes/no as written.
function readAttemptsRule(raw: string): Read<YesNo> {
  const s = plain(raw);
  if (/first|^1\b|^one\b|^fa\b/.test(s)) return ok('yes');
  const n = /^(?:max\.?\s*)?(\d)\b/.exec(s);
  if (n) return ok(Number(n[1]) <= 1 ? 'yes' : 'no');
  return readYesNo(raw);
}
export const readAttempts = remembered(readAttemptsRule);

// ---------------------------------------------------------------------------------------
// Institution names. Rule: a trailing " Program" (directory listings) is dropped; the
// abbreviations MC, Med Ctr, Hosp, Reg'l, Univ are written out; names are compared with
// case, accents, letters like Ø and punctuation set aside, "St." = "Saint", and a trailing
// "Hospital" optional ("Calloway-Brandt Memorial" is "Calloway-Brandt Memorial Hospital").
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bMed\.? Ctr\.?$/i, 'Medical Center'],
  [/\bMC$/, 'Medical Center'],
  [/\bHosp\.?$/i, 'Hospital'],
  [/\bUniv\.?(?=\s|$)/i, 'University'],
  [/\bReg'?l\.?(?=\s|$)/i, 'Regional'],
];

const cleanNames = new Map<string, string>();

export function cleanInstitutionName(raw: string): string {
  let clean = cleanNames.get(raw);
  if (clean === undefined) {
    clean = cleanName(raw);
    if (cleanNames.size > 20_000) cleanNames.clear();
    cleanNames.set(raw, clean);
  }
  return clean;
}

function cleanName(raw: string): string {
  let s = raw.replace(/[\s\u00a0]+/g, ' ').trim().replace(/\s+(residency\s+)?program$/i, '').trim();
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  return s;
}

const LETTERS: Record<string, string> = { ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', þ: 'th' };

export function institutionKey(name: string): string {
  const s = plain(cleanInstitutionName(name).replace(/[øØæÆœŒßłŁđĐþ]/g, (c) => LETTERS[c] ?? c))
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();
  return s.replace(/ hospital$/, '');
}

// ---------------------------------------------------------------------------------------
// Application statuses in applicants' words. Rule: Applied/Submitted/Sent → Submitted;
// II/Invite(d)/Interview invite/Invite received → Interview invited; Scheduled → Interview
// scheduled; Interviewed/Done → Interviewed; Waitlist/Interview waitlist → Under review
// (the program still holds the application; the word is kept in the note); Rejected/
// Declined → Rejected; Withdrew/Withdrawn → Withdrawn; Ranked; Matched; Not matched.
export type StatusWord =
  | 'considering' | 'materials_ready' | 'submitted' | 'under_review' | 'interview_invited' | 'interview_scheduled'
  | 'interviewed' | 'ranked' | 'matched' | 'not_matched' | 'rejected' | 'withdrawn';

const STATUS_WORDS: [RegExp, StatusWord][] = [
  [/^(considering|interested|maybe|planned|to apply|not yet)/, 'considering'],
  [/^(materials ready|ready)/, 'materials_ready'],
  [/wait ?list/, 'under_review'],
  [/^(under review|reviewing|in review|pending|no response)/, 'under_review'],
  [/^(ii|invite|invited|interview invite|interview invited|invite received|interview offer|got ii)/, 'interview_invited'],
  [/^(scheduled|interview scheduled)/, 'interview_scheduled'],
  [/^(interviewed|interview done|interview completed|done|completed)/, 'interviewed'],
  [/^(not matched|unmatched|no match|did not match)/, 'not_matched'],
  [/^(matched|match)$/, 'matched'],
  [/^(ranked|rank)/, 'ranked'],
  [/^(rejected|reject|declined|rejection|denied)/, 'rejected'],
  [/^(withdrew|withdrawn|withdraw)/, 'withdrawn'],
  [/^(applied|submitted|sent|apply)/, 'submitted'],
];

function readStatusWordsRule(raw: string): Read<StatusWord> {
  const s = plain(raw).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  for (const [re, st] of STATUS_WORDS) if (re.test(s)) return ok(st);
  return bad(`Write a status such as Submitted, Interview invited, Interviewed, Ranked, Rejected or Withdrawn (found "${raw.trim()}").`);
}
export const readStatusWords = remembered(readStatusWordsRule);
