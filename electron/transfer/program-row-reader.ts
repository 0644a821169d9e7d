// Reading one spreadsheet row of programs into field values, by the rules of
// shared/import/values.ts (one rule per kind of value). What a column needs from the whole
// column (percent points or fractions, day-first dates, the window of "Unfilled (last 4
// yrs)", whether a yes/no column says "strict") is worked out once per column.
import type { ProgramFieldKey } from '../../shared/domain/import-fields';
import type { InstitutionFields, ProgramTrackFields, TriState, VisaSponsorship } from '../../shared/domain/program';
import { nrmpCodesIn, normalizeNrmpCode } from '../../shared/domain/nrmp';
import {
  cleanInstitutionName,
  dayOrderOf,
  percentModeOf,
  readAttempts,
  readCityState,
  readCutoff,
  readCutoffKind,
  readDate,
  readFriendliness,
  readGraduationLimit,
  readNumber,
  readPercent,
  readSetting,
  readState,
  readTrack,
  readUnfilled,
  readUsce,
  readVisa,
  readYesNo,
  unfilledWindowOf,
  type Choice,
  type Read,
  type TrackRead,
} from '../../shared/import/values';

export interface RowValues {
  inst: Partial<InstitutionFields>;
  track: Partial<ProgramTrackFields>;
  /** Every NRMP code of the row (a directory row gives both tracks' codes in one cell). */
  codes: string[];
  kind?: TrackRead;
  onList?: boolean;
  visa?: VisaSponsorship;
  j1?: TriState;
  h1b?: TriState;
  /** Tags the row adds (e.g. "Military" from the setting). */
  addTags: string[];
  /** Texts of several notes columns, joined in order. */
  notes: string[];
  /** The kind came from its own column (it overrides the cutoff cell's words). */
  kindColumn?: 'strict' | 'preference';
}

export interface ColumnContext {
  header: string;
  thisYear: number;
  seasonStartYear: number;
  lastMatchYear: number;
  percentMode: 'points' | 'fraction';
  dayOrder: 'mdy' | 'dmy';
  unfilledWindow: number | null;
  /** A yes/no column about the cutoff ("Strict cutoff"): yes = strict. */
  yesMeansStrict: boolean;
  /** A column of check marks (Apple Numbers, Google Sheets): an empty cell there means no. */
  blankIsNo: boolean;
}

const CHECK_FIELDS = new Set(['j1', 'h1b', 'usceRequired', 'onList', 'researchHeavy', 'internalConnection', 'nonUsImgResidents', 'signalSent']);
const CHECK_MARK = /^[✓✔☑✅]\uFE0F?$/;

export type CellProblem = { message: string; choices?: Choice[] };
export type CellReader = (raw: string, v: RowValues, ctx: ColumnContext) => CellProblem | undefined;

function take<T>(r: Read<T>, set: (value: T) => void): CellProblem | undefined {
  if (r.error !== undefined) return r.choices ? { message: r.error, choices: r.choices } : { message: r.error };
  set(r.value);
  return undefined;
}

const asText = (raw: string) => raw.replace(/\r\n?/g, '\n');
const wholeNumber = (r: Read<number>): Read<number> => (r.error === undefined && !Number.isInteger(r.value) ? { value: Math.round(r.value) } : r);

/** The reader of each field. */
export const READERS: { [K in ProgramFieldKey]: CellReader } = {
  institution: (raw, v) => void (v.inst.name = cleanInstitutionName(raw)),
  track: (raw, v) => take(readTrack(raw), (t) => (v.kind = t)),
  nrmpCode: (raw, v) => {
    const codes = nrmpCodesIn(raw);
    // A cell that is not a code keeps its text, so the editor's rule says what is wrong with it.
    v.codes = codes.length > 0 && raw.replace(/[\s,;/&+|]|and/gi, '').length === codes.join('').length ? codes : [normalizeNrmpCode(raw)];
    return undefined;
  },
  erasProgramId: (raw, v) => void (v.track.erasProgramId = raw),
  acgmeId: (raw, v) => void (v.inst.acgmeId = raw.replace(/\s/g, '')),
  city: (raw, v) => void (v.inst.city = raw.replace(/\u00a0/g, ' ')),
  state: (raw, v) => take(readState(raw), (s) => (v.inst.state = s)),
  cityState: (raw, v) =>
    take(readCityState(raw), ({ city, state }) => {
      v.inst.city = city;
      v.inst.state = state;
    }),
  setting: (raw, v) =>
    take(readSetting(raw), ({ setting, military }) => {
      v.inst.setting = setting;
      if (military) v.addTags.push('Military');
    }),
  visa: (raw, v) => take(readVisa(raw), (x) => (v.visa = x)),
  j1: (raw, v) => take(readYesNo(raw), (x) => (v.j1 = x)),
  h1b: (raw, v) => take(readYesNo(raw), (x) => (v.h1b = x)),
  minStep2ck: (raw, v) =>
    take(readCutoff(raw), (c) => {
      v.track.minStep2ck = c.min;
      v.track.noStep2ckCutoff = c.kind === 'no_cutoff';
      if (c.kind === 'strict' || c.kind === 'preference') {
        v.track.minStep2ckKind = c.kind;
        v.track.minStep2ckKindStated = true;
      } else if (c.kind === 'not_stated') {
        // A minimum without its kind is read as a minimum (a screen), and said to be so.
        v.track.minStep2ckKind = 'strict';
        v.track.minStep2ckKindStated = false;
      }
    }),
  minStep2ckKind: (raw, v, ctx) => take(readCutoffKind(raw, ctx.yesMeansStrict), (k) => (v.kindColumn = k)),
  minStep1: (raw, v) => take(wholeNumber(readNumber(raw)), (n) => (v.track.minStep1 = n)),
  minStep1Kind: (raw, v) => take(readCutoffKind(raw, false), (k) => (v.track.minStep1Kind = k)),
  imgSharePct: (raw, v, ctx) => take(readPercent(raw, ctx.percentMode), (n) => (v.inst.imgSharePct = n)),
  imgFriendliness: (raw, v) => take(readFriendliness(raw), (f) => (v.inst.imgFriendliness = f)),
  nonUsImgResidents: (raw, v) => take(readYesNo(raw), (x) => (v.inst.nonUsImgResidents = x)),
  maxYearsSinceGraduation: (raw, v) =>
    take(readGraduationLimit(raw), (g) => {
      v.track.maxYearsSinceGraduation = g.maxYears;
      v.track.minGraduationYear = g.minYear;
      v.track.noGraduationLimit = g.noLimit;
    }),
  usceRequired: (raw, v) =>
    take(readUsce(raw), (u) => {
      v.track.usceRequired = u.required;
      v.track.uscePreferred = u.preferred;
      v.track.usceMonthsRequired = u.months;
    }),
  usceMonthsRequired: (raw, v) => take(wholeNumber(readNumber(raw)), (n) => (v.track.usceMonthsRequired = n)),
  firstAttemptOnly: (raw, v) => take(readAttempts(raw), (x) => (v.track.firstAttemptOnly = x)),
  positionsOffered: (raw, v) => take(wholeNumber(readNumber(raw)), (n) => (v.track.positionsOffered = n)),
  applicationsReceived: (raw, v) => take(wholeNumber(readNumber(raw)), (n) => (v.track.applicationsReceived = n)),
  unfilledHistory: (raw, v, ctx) =>
    take(readUnfilled(raw, ctx.unfilledWindow, ctx.lastMatchYear), (u) => {
      v.track.unfilledHistory = u.byYear;
      v.track.unfilledCount = u.count;
      v.track.unfilledWindow = u.window;
      v.track.unfilledYears = u.years;
    }),
  website: (raw, v) => void (v.inst.website = /^www\./i.test(raw) ? `https://${raw}` : raw),
  pdName: (raw, v) => void (v.inst.pdName = raw),
  pdEmail: (raw, v) => void (v.inst.pdEmail = raw.replace(/^mailto:/i, '')),
  coordinatorName: (raw, v) => void (v.inst.coordinatorName = raw),
  coordinatorEmail: (raw, v) => void (v.inst.coordinatorEmail = raw.replace(/^mailto:/i, '')),
  pgy1Salary: (raw, v) => take(wholeNumber(readNumber(raw, true)), (n) => (v.inst.pgy1Salary = n)),
  researchHeavy: (raw, v) => take(readYesNo(raw), (x) => (v.inst.researchHeavy = x === 'yes')),
  internalConnection: (raw, v) => take(readYesNo(raw), (x) => (v.inst.internalConnection = x === 'yes')),
  // ERAS signals, per institution (docs/DOMAIN.md §6); the budget is checked when the import is written.
  acceptsSignals: (raw, v) => take(readYesNo(raw), (x) => (v.inst.acceptsSignals = x)),
  signalSent: (raw, v) => take(readYesNo(raw), (x) => (v.inst.signalSent = x === 'yes')),
  // "Apply?" (Apply / Skip), "Applied" (a check mark, or the day it was sent: on the list).
  onList: (raw, v, ctx) => {
    const yn = readYesNo(raw);
    if (yn.error !== undefined && readDate(raw, ctx.dayOrder, ctx.seasonStartYear).error === undefined) {
      v.onList = true;
      return undefined;
    }
    return take(yn, (x) => {
      if (x !== 'unknown') v.onList = x === 'yes';
    });
  },
  tags: (raw, v) =>
    void (v.track.tags = raw
      .split(/[;|]/.test(raw) ? /[;|\n]/ : /[,\n]/)
      .map((t) => t.trim())
      .filter((t) => t !== '')),
  notes: (raw, v) => void v.notes.push(asText(raw)),
  dataSource: (raw, v) => void (v.inst.dataSource = raw),
  lastVerified: (raw, v, ctx) => take(readDate(raw, ctx.dayOrder, ctx.seasonStartYear), (d) => (v.inst.lastVerified = d)),
};

/** What each mapped column needs from the whole column, worked out once. */
export function columnContexts(headers: readonly string[], rows: readonly string[][], mapping: readonly (string | null)[], today: string): ColumnContext[] {
  const thisYear = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // The season's applications go out in June–September of its first year (2026 for the 2027 Match).
  const seasonStartYear = month >= 6 ? thisYear : thisYear - 1;
  return headers.map((header, c) => {
    const key = mapping[c];
    const cells = key === 'imgSharePct' || key === 'lastVerified' || (key && CHECK_FIELDS.has(key)) ? rows.map((r) => r[c] ?? '') : [];
    return {
      header,
      thisYear,
      seasonStartYear,
      lastMatchYear: seasonStartYear,
      percentMode: key === 'imgSharePct' ? percentModeOf(cells) : 'points',
      dayOrder: key === 'lastVerified' ? dayOrderOf(cells) : 'mdy',
      unfilledWindow: key === 'unfilledHistory' ? unfilledWindowOf(header) : null,
      yesMeansStrict: key === 'minStep2ckKind' && /strict|hard/i.test(header),
      blankIsNo: key !== null && key !== undefined && CHECK_FIELDS.has(key) && cells.some((x) => CHECK_MARK.test(x.trim())),
    };
  });
}

export function emptyRowValues(): RowValues {
  return { inst: {}, track: {}, codes: [], addTags: [], notes: [] };
}
