// Import and export of programs and applications as spreadsheets (CSV, XLSX): the columns
// we know, how a column is recognised from its header, and how a cell becomes a value.
// Pure: the files are read in the main process (electron/transfer/), the rules that decide
// whether a value is acceptable are the editor's zod schemas in program.ts.
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, type ApplicationStatus } from './application';
import type { CutoffKind, ProgramSetting, Track, TriState, VisaSponsorship } from './program';

/** Files bigger than this are refused before they are read (renderer) and again by the API. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** A spreadsheet with more data rows than this is refused (split it). */
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_COLUMNS = 200;

export const IMPORT_KINDS = ['programs', 'applications'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportField<K extends string = string> {
  key: K;
  /** The header written in templates and exports (recognised exactly on import). */
  label: string;
  /** Other headers people use for it, compared after normalising (case, spaces, punctuation). */
  aliases: string[];
  /** Shown next to the column in the mapping, and in the template's explanation sheet. */
  hint: string;
  /** The template's example row. */
  example: string;
}

/** Fields several columns may fill (their texts are joined), e.g. two "Notes" columns. */
export const MULTI_COLUMN_FIELDS: ReadonlySet<string> = new Set(['notes']);

export const PROGRAM_FIELDS = [
  { key: 'institution', label: 'Institution', aliases: ['institution name', 'program', 'program name', 'hospital', 'hospital name', 'sponsoring institution', 'name', 'program name name'], hint: 'Required for a new program', example: 'Lakeview Regional Medical Center' },
  { key: 'track', label: 'Track', aliases: ['track type', 'program type', 'position type', 'type', 'prelim or categorical', 'track c p'], hint: 'Preliminary, Categorical or Both (or taken from the NRMP code)', example: 'Preliminary' },
  { key: 'nrmpCode', label: 'NRMP code', aliases: ['nrmp', 'nrmp program code', 'nrmp id', 'program code', 'match code', 'code', 'nrmp codes', 'nrmp code s'], hint: 'e.g. 1234440P0 or 1234440C01 (two codes in one cell: both tracks)', example: '1234440P0' },
  { key: 'erasProgramId', label: 'ERAS ID', aliases: ['eras', 'eras program id', 'eras code', 'eras program code'], hint: 'Digits and letters', example: '' },
  { key: 'acgmeId', label: 'ACGME ID', aliases: ['acgme', 'acgme program id', 'acgme number', 'acgme code'], hint: '10 digits', example: '4403019930' },
  { key: 'city', label: 'City', aliases: ['town', 'location city'], hint: '', example: 'Dayton' },
  { key: 'state', label: 'State', aliases: ['st', 'us state', 'location state'], hint: 'OH or Ohio', example: 'OH' },
  { key: 'cityState', label: 'City, State', aliases: ['location', 'city state', 'city and state', 'city st', 'place'], hint: 'Toledo, OH or Toledo, Ohio', example: '' },
  { key: 'setting', label: 'Setting', aliases: ['program setting', 'hospital type', 'institution type', 'affiliation'], hint: 'Community, Community university-affiliated, University, Top academic', example: 'Community' },
  { key: 'visa', label: 'Visa', aliases: ['visa sponsorship', 'visas', 'visa sponsored', 'visas sponsored', 'sponsorship', 'j1 h1b', 'visa j1 h1b'], hint: 'J-1, H-1B, Both, None, Unknown', example: 'J-1' },
  { key: 'j1', label: 'J-1', aliases: ['j1', 'j1 visa', 'sponsors j1', 'j1 sponsorship'], hint: 'Yes / No', example: '' },
  { key: 'h1b', label: 'H-1B', aliases: ['h1b', 'h1b visa', 'sponsors h1b', 'h1b sponsorship'], hint: 'Yes / No', example: '' },
  { key: 'minStep2ck', label: 'Min Step 2 CK', aliases: ['min step 2', 'step 2 ck cutoff', 'step 2 cutoff', 'step 2 ck minimum', 'minimum step 2 ck', 'minimum step 2', 'step 2 ck', 'step 2', 'ck cutoff', 'step2 cutoff', 'step 2 min'], hint: '220, "230 strict", "230 preferred" or None', example: '220' },
  { key: 'minStep2ckKind', label: 'Step 2 CK cutoff kind', aliases: ['step 2 cutoff kind', 'step 2 ck cutoff type', 'cutoff type', 'cutoff kind', 'strict cutoff', 'strict', 'hard cutoff'], hint: 'Strict or Preference (empty: not stated)', example: 'Strict' },
  { key: 'minStep1', label: 'Min Step 1', aliases: ['step 1 cutoff', 'step 1 minimum', 'minimum step 1', 'step 1'], hint: '1 to 300', example: '' },
  { key: 'minStep1Kind', label: 'Step 1 cutoff kind', aliases: ['step 1 cutoff type'], hint: 'Strict or Preference', example: '' },
  { key: 'imgSharePct', label: 'IMG %', aliases: ['img', 'img percent', 'img percentage', 'img share', '% img', 'percent img', 'imgs', 'img residents %'], hint: '25% or 25 (0.25 in a column of fractions)', example: '25%' },
  { key: 'imgFriendliness', label: 'IMG friendly', aliases: ['img friendliness', 'img friendly rating', 'imgfriendly'], hint: 'Your rating: High, Medium or Low', example: 'High' },
  { key: 'nonUsImgResidents', label: 'Non-US IMG residents', aliases: ['non us img', 'non us imgs', 'takes non us img'], hint: 'Yes / No', example: 'Yes' },
  { key: 'maxYearsSinceGraduation', label: 'Graduation limit', aliases: ['max years since graduation', 'yog', 'yog cutoff', 'yog limit', 'year of graduation', 'years since graduation', 'graduation cutoff', 'max yog', 'yog limit yrs'], hint: 'Most years since graduation (5, "<5 yrs"), earliest year ("2019+") or "No limit"', example: '5' },
  { key: 'usceRequired', label: 'USCE', aliases: ['usce required', 'us clinical experience', 'usce needed', 'requires usce', 'usce req'], hint: 'Required, "3 mo required", Preferred or No', example: 'Required' },
  { key: 'usceMonthsRequired', label: 'USCE months', aliases: ['usce months required', 'months of usce'], hint: 'Months', example: '' },
  { key: 'firstAttemptOnly', label: 'First attempt only', aliases: ['first attempt', 'first attempt required', 'attempts', 'max attempts'], hint: 'Yes / No, or the attempts allowed (1 = first attempt only)', example: 'No' },
  { key: 'positionsOffered', label: 'Positions', aliases: ['positions offered', 'spots', 'quota', 'number of positions'], hint: 'Number', example: '6' },
  { key: 'applicationsReceived', label: 'Applications received', aliases: ['apps received', 'applications', 'number of applications', 'apps'], hint: 'Number, last cycle', example: '' },
  { key: 'unfilledHistory', label: 'Unfilled', aliases: ['unfilled by year', 'unfilled positions', 'unfilled history', 'soap history'], hint: '"2025: 2; 2024: 1", "3/4" (3 of the last 4 Matches), "every year" or "SOAP 2024, 2025"', example: '2025: 2; 2024: 1' },
  { key: 'website', label: 'Website', aliases: ['url', 'web', 'program website', 'link'], hint: 'https://…', example: 'https://www.lakeview.example/surgery' },
  { key: 'pdName', label: 'Program director', aliases: ['pd', 'pd name', 'program director name'], hint: '', example: '' },
  { key: 'pdEmail', label: 'Program director email', aliases: ['pd email'], hint: '', example: '' },
  { key: 'coordinatorName', label: 'Coordinator', aliases: ['coordinator name', 'program coordinator'], hint: '', example: '' },
  { key: 'coordinatorEmail', label: 'Coordinator email', aliases: ['program coordinator email', 'email', 'contact email'], hint: '', example: '' },
  { key: 'pgy1Salary', label: 'PGY-1 salary', aliases: ['salary', 'pgy1 salary', 'pgy 1 salary', 'pgy1 salary $', 'stipend'], hint: 'Dollars a year: 62400, $62,400.00 or 62.400', example: '62400' },
  { key: 'researchHeavy', label: 'Research heavy', aliases: ['research'], hint: 'Yes / No', example: 'No' },
  { key: 'internalConnection', label: 'Internal connection', aliases: ['connection', 'contact inside'], hint: 'Yes / No', example: 'No' },
  { key: 'acceptsSignals', label: 'Accepts signals', aliases: ['signals accepted', 'accepts program signals', 'participates in signaling', 'signaling'], hint: 'Yes / No / Unknown', example: 'Yes' },
  { key: 'signalSent', label: 'Signal sent', aliases: ['signal', 'signaled', 'signalled', 'program signal', 'sent signal'], hint: 'Yes / No (one per institution, 15 at most)', example: 'No' },
  { key: 'onList', label: 'On list', aliases: ['apply', 'applying', 'on my list', 'shortlist', 'apply?', 'applied'], hint: 'Yes / No (Apply / Skip)', example: 'Yes' },
  { key: 'tags', label: 'Tags', aliases: ['labels'], hint: 'Separated by ;', example: '' },
  { key: 'notes', label: 'Notes', aliases: ['note', 'comments', 'comment', 'remarks'], hint: 'Several notes columns are joined', example: 'Coordinator answers fast' },
  { key: 'dataSource', label: 'Source', aliases: ['data source', 'sources'], hint: '', example: 'Program website' },
  { key: 'lastVerified', label: 'Last verified', aliases: ['verified', 'verified on', 'checked on'], hint: 'YYYY-MM-DD', example: '' },
] as const satisfies readonly ImportField[];
export type ProgramFieldKey = (typeof PROGRAM_FIELDS)[number]['key'];

export const APPLICATION_FIELDS = [
  { key: 'institution', label: 'Institution', aliases: ['institution name', 'program', 'program name', 'hospital', 'name'], hint: 'With Track, when there is no NRMP code', example: 'Lakeview Regional Medical Center' },
  { key: 'track', label: 'Track', aliases: ['track type', 'program type', 'type'], hint: 'Preliminary or Categorical', example: 'Preliminary' },
  { key: 'nrmpCode', label: 'NRMP code', aliases: ['nrmp', 'nrmp program code', 'program code', 'match code', 'code'], hint: 'Finds the program', example: '1234440P0' },
  { key: 'status', label: 'Status', aliases: ['application status', 'stage', 'state of application'], hint: 'Submitted, Interview invited, Interviewed, Ranked, Rejected, Withdrawn… (II, Withdrew, Waitlist too)', example: 'Interview invited' },
  { key: 'statusDate', label: 'Status date', aliases: ['date', 'updated', 'last updated', 'status updated', 'date of status'], hint: 'YYYY-MM-DD (the latest date of the row, else today, when empty)', example: '' },
  { key: 'submittedOn', label: 'Submitted on', aliases: ['submitted', 'date submitted', 'applied on', 'applied', 'submission date', 'date applied'], hint: 'YYYY-MM-DD, 9/2/2026 or 02.09.2026', example: '2026-09-02' },
  { key: 'notes', label: 'Notes', aliases: ['note', 'comments', 'comment', 'remarks'], hint: '', example: '' },
  { key: 'inviteDate', label: 'Invite date', aliases: ['invite', 'invited on', 'interview invite', 'ii date', 'invitation date', 'date invited'], hint: 'When the interview invitation came ("Oct 22" takes the season\'s year); recorded in the Invitations inbox', example: '2026-10-22' },
  { key: 'interviewDate', label: 'Interview date', aliases: ['interview', 'interview on', 'interview day', 'date of interview'], hint: 'YYYY-MM-DD; recorded on the Interviews tab (done once past, when the status is Interviewed or later)', example: '' },
] as const satisfies readonly ImportField[];
export type ApplicationFieldKey = (typeof APPLICATION_FIELDS)[number]['key'];

export const IMPORT_FIELDS: { programs: readonly ImportField<ProgramFieldKey>[]; applications: readonly ImportField<ApplicationFieldKey>[] } = {
  programs: PROGRAM_FIELDS,
  applications: APPLICATION_FIELDS,
};

/** "Step 2 CK cutoff" -> "step2ckcutoff", "J-1" -> "j1", "IMG %" -> "img%" (line breaks and runs of spaces count for nothing). */
export function normalizeHeader(h: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = /^[\x00-\x7f]*$/.test(h) ? h : h.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return plain.toLowerCase().replace(/[^a-z0-9%]/g, '');
}

/** Loose rules for headers no alias names exactly, checked in order. */
const CONTAINS_RULES: Record<ImportKind, [RegExp, string][]> = {
  programs: [
    [/nrmp/, 'nrmpCode'],
    [/acgme/, 'acgmeId'],
    [/eras.*(id|code)|^eras$/, 'erasProgramId'],
    [/friendl/, 'imgFriendliness'],
    [/j1.*h1|h1.*j1|visa/, 'visa'],
    [/j1/, 'j1'],
    [/h1b/, 'h1b'],
    [/(step2|ck|cutoff).*(kind|type)|^strict|^hardcutoff/, 'minStep2ckKind'],
    [/step2|2ck|cutoff/, 'minStep2ck'],
    [/step1.*(kind|type)/, 'minStep1Kind'],
    [/step1/, 'minStep1'],
    [/img.*%|%.*img|imgshare|imgpercent/, 'imgSharePct'],
    [/yog|graduat/, 'maxYearsSinceGraduation'],
    [/usce.*month|month.*usce/, 'usceMonthsRequired'],
    [/usce|clinicalexperience/, 'usceRequired'],
    [/attempt/, 'firstAttemptOnly'],
    [/unfilled|soap/, 'unfilledHistory'],
    [/position|spots/, 'positionsOffered'],
    [/salary|stipend/, 'pgy1Salary'],
    [/appsreceived|applicationsreceived/, 'applicationsReceived'],
    [/track/, 'track'],
    [/city.*state|location/, 'cityState'],
    [/state/, 'state'],
    [/city/, 'city'],
    [/setting/, 'setting'],
    [/website|url/, 'website'],
    [/^apply|^applied$/, 'onList'],
    [/institution|hospital|program/, 'institution'],
    [/note|comment|remark/, 'notes'],
  ],
  applications: [
    [/nrmp|code/, 'nrmpCode'],
    [/invite|invitation/, 'inviteDate'],
    [/interview.*date|interviewon|^interview$/, 'interviewDate'],
    [/submit|applied/, 'submittedOn'],
    [/status|stage/, 'status'],
    [/date/, 'statusDate'],
    [/track/, 'track'],
    [/institution|hospital|program/, 'institution'],
    [/note|comment|remark/, 'notes'],
  ],
};

/**
 * Guesses which field each column holds from its header: exact labels first, then aliases,
 * then loose rules. A field is given to one column at most (the first that claims it).
 */
export function guessMapping(kind: ImportKind, headers: readonly string[], hidden: readonly boolean[] = []): (string | null)[] {
  const fields = IMPORT_FIELDS[kind] as readonly ImportField[];
  const norm = headers.map(normalizeHeader);
  const mapping: (string | null)[] = headers.map(() => null);
  const taken = new Set<string>();
  const claim = (col: number, key: string) => {
    if (mapping[col] !== null || hidden[col] || (taken.has(key) && !MULTI_COLUMN_FIELDS.has(key))) return;
    mapping[col] = key;
    taken.add(key);
  };
  for (const f of fields) norm.forEach((h, c) => h !== '' && h === normalizeHeader(f.label) && claim(c, f.key));
  for (const f of fields) {
    const aliases = new Set(f.aliases.map(normalizeHeader));
    norm.forEach((h, c) => h !== '' && aliases.has(h) && claim(c, f.key));
  }
  // A header is read by the first loose rule it matches only ("NRMP program code" is never an institution).
  norm.forEach((h, c) => {
    const rule = h === '' ? undefined : CONTAINS_RULES[kind].find(([re]) => re.test(h));
    if (rule) claim(c, rule[1]);
  });
  return mapping;
}

/** What a mapping lacks to be usable, or null. */
export function mappingProblem(kind: ImportKind, mapping: readonly (string | null)[]): string | null {
  const keys = mapping.filter((m): m is string => m !== null);
  if (keys.length === 0) return 'No column is recognised. Choose what each column holds, or use the template (its first row names the columns).';
  const dup = keys.find((k, i) => keys.indexOf(k) !== i && !MULTI_COLUMN_FIELDS.has(k));
  if (dup) {
    const label = (IMPORT_FIELDS[kind] as readonly ImportField[]).find((f) => f.key === dup)?.label ?? dup;
    return `Two columns are set to "${label}"; choose it for one column only.`;
  }
  if (kind === 'programs' && keys.includes('cityState') && (keys.includes('city') || keys.includes('state'))) {
    return 'One column is set to "City, State" and another to City or State; choose one way.';
  }
  if (kind === 'programs' && !keys.includes('institution') && !keys.includes('nrmpCode')) {
    return 'Choose the column with the institution name or the NRMP code: programs are found and created by them.';
  }
  if (kind === 'applications') {
    if (!keys.includes('nrmpCode') && !keys.includes('institution')) return 'Choose the column with the NRMP code, or the institution name (with the track), so each row finds its program.';
    if (!keys.includes('status')) return 'Choose the column with the application status.';
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Cells to values. Each returns { value } or { error } (the error says what to write).

export type Cell<T> = { value: T; error?: undefined } | { error: string; value?: undefined };

const ok = <T>(value: T): Cell<T> => ({ value });
const bad = <T>(error: string): Cell<T> => ({ error });

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', 'required', 'sponsors', 'sponsored', 'accepted', 'accepts', 'ok']);
const NO = new Set(['no', 'n', 'false', '0', 'none', 'not required', 'not accepted', 'not sponsored', 'preferred', 'recommended', 'optional', '-']);
const UNKNOWN = new Set(['unknown', '?', 'n/a', 'na', 'unsure', 'not sure', 'tbd']);

export function parseTri(raw: string): Cell<TriState> {
  const s = raw.trim().toLowerCase();
  if (YES.has(s) || /^yes\b/.test(s)) return ok('yes');
  if (NO.has(s) || /^no\b/.test(s)) return ok('no');
  if (UNKNOWN.has(s)) return ok('unknown');
  return bad(`Write Yes, No or Unknown (found "${raw.trim()}").`);
}

export function parseBool(raw: string): Cell<boolean> {
  const t = parseTri(raw);
  if (t.error !== undefined || t.value === 'unknown') return bad(`Write Yes or No (found "${raw.trim()}").`);
  return ok(t.value === 'yes');
}

/** "220", "≥ 220", "220+", "1,200", "45%", "5 years" -> the number. */
export function parseNumber(raw: string): Cell<number> {
  const s = raw.trim().replace(/(\d),(\d{3})\b/g, '$1$2');
  const m = /^(?:>=|≥|>|min\.?|minimum)?\s*(-?\d+(?:\.\d+)?)\s*(?:\+|%|years?|yrs?|months?|mos?)?$/i.exec(s);
  if (!m) return bad(`Write a number, e.g. 220 (found "${raw.trim()}").`);
  return ok(Number(m[1]));
}

export function parseTrack(raw: string): Cell<Track> {
  const s = normalizeHeader(raw);
  if (/^(p|prelim|preliminary|prelims|pgy1only|preliminarysurgery|surgerypreliminary)/.test(s) || s.includes('prelim')) return ok('preliminary');
  if (/^(c|cat|categorical)/.test(s) || s.includes('categorical')) return ok('categorical');
  return bad(`Write Preliminary or Categorical (found "${raw.trim()}").`);
}

export function parseVisa(raw: string): Cell<VisaSponsorship> {
  const s = normalizeHeader(raw);
  if (s === '') return ok('unknown');
  const j1 = s.includes('j1') || s === 'j';
  const h1b = s.includes('h1b') || s.includes('h1');
  if (s.includes('both') || (j1 && h1b)) return ok('both');
  if (j1) return ok('j1');
  if (h1b) return ok('h1b');
  if (['none', 'no', 'nosponsorship', 'nonsponsored', 'notsponsored', 'nosponsor'].includes(s)) return ok('none');
  if (UNKNOWN.has(raw.trim().toLowerCase())) return ok('unknown');
  return bad(`Write J-1, H-1B, Both or None (found "${raw.trim()}").`);
}

/** The Visa column, then J-1 and H-1B yes/no columns, combined into one sponsorship value. */
export function combineVisa(visa: VisaSponsorship | undefined, j1: TriState | undefined, h1b: TriState | undefined): VisaSponsorship | undefined {
  if (j1 === undefined && h1b === undefined) return visa;
  let hasJ1: TriState = j1 ?? (visa === 'j1' || visa === 'both' ? 'yes' : 'unknown');
  let hasH1b: TriState = h1b ?? (visa === 'h1b' || visa === 'both' ? 'yes' : 'unknown');
  if (visa === 'none') {
    if (j1 === undefined) hasJ1 = 'no';
    if (h1b === undefined) hasH1b = 'no';
  }
  if (hasJ1 === 'yes' && hasH1b === 'yes') return 'both';
  if (hasJ1 === 'yes') return 'j1';
  if (hasH1b === 'yes') return 'h1b';
  if (hasJ1 === 'no' && hasH1b === 'no') return 'none';
  return 'unknown';
}

export function parseSetting(raw: string): Cell<ProgramSetting> {
  const s = normalizeHeader(raw);
  if (s.includes('affiliat') || s.includes('communityuniversity') || s.includes('universityaffiliated')) return ok('community_university_affiliated');
  if (s.includes('community')) return ok('community');
  if (s.includes('top') || s.includes('tertiary') || s.includes('flagship')) return ok('top_academic');
  if (s.includes('university') || s.includes('academic')) return ok('university');
  if (s === 'unknown') return ok('unknown');
  return bad(`Write Community, Community university-affiliated, University or Top academic (found "${raw.trim()}").`);
}

export function parseCutoffKind(raw: string): Cell<CutoffKind> {
  const s = raw.trim().toLowerCase();
  if (/^(strict|hard|filter|required|must)/.test(s)) return ok('strict');
  if (/^(pref|soft|recommended|guideline)/.test(s)) return ok('preference');
  return bad(`Write Strict or Preference (found "${raw.trim()}").`);
}

/** A graduation year (e.g. 2019) becomes the years since it, counted from thisYear. */
export function parseYearsSinceGraduation(raw: string, thisYear: number): Cell<number> {
  const n = parseNumber(raw);
  if (n.error !== undefined) return n;
  if (n.value >= 1950 && n.value <= 2100) return ok(Math.max(0, thisYear - n.value));
  return n;
}

/** "a; b" (or "a, b" when there is no semicolon). */
export function parseList(raw: string): Cell<string[]> {
  return ok(
    raw
      .split(/[;|]/.test(raw) ? /[;|\n]/ : /[,\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

/** "2025: 2; 2024: 1" (also "2025=2, 2024=1"). */
export function parseUnfilled(raw: string): Cell<{ year: number; unfilled: number }[]> {
  const parts = raw.split(/[;,|\n]/).map((s) => s.trim()).filter((s) => s !== '');
  const out: { year: number; unfilled: number }[] = [];
  for (const p of parts) {
    const m = /^(\d{4})\s*[:=]\s*(\d+)$/.exec(p);
    if (!m) return bad(`Write each Match year with its unfilled positions, e.g. "2025: 2; 2024: 1" (found "${p}").`);
    out.push({ year: Number(m[1]), unfilled: Number(m[2]) });
  }
  return ok(out);
}

/** YYYY-MM-DD, or a US date M/D/YYYY, as YYYY-MM-DD (the zod date schema then checks it exists). */
export function parseDate(raw: string): Cell<string> {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return ok(s);
  const iso = /^(\d{4}-\d{2}-\d{2})T/.exec(s);
  if (iso) return ok(iso[1]!);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (us) return ok(`${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`);
  return bad(`Write the date as YYYY-MM-DD, e.g. 2026-09-15 (found "${s}").`);
}

const STATUS_ALIASES: Record<string, ApplicationStatus> = {
  applied: 'submitted',
  sent: 'submitted',
  submitted: 'submitted',
  interview: 'interview_invited',
  invited: 'interview_invited',
  ii: 'interview_invited',
  scheduled: 'interview_scheduled',
  interviewscheduled: 'interview_scheduled',
  done: 'interviewed',
  interviewdone: 'interviewed',
  interviewcompleted: 'interviewed',
  completed: 'interviewed',
  declined: 'rejected',
  reject: 'rejected',
  rejectedbyprogram: 'rejected',
  match: 'matched',
  notmatch: 'not_matched',
  unmatched: 'not_matched',
  nomatch: 'not_matched',
  ready: 'materials_ready',
};

export function parseStatus(raw: string): Cell<ApplicationStatus> {
  const s = normalizeHeader(raw);
  for (const st of APPLICATION_STATUSES) {
    if (s === normalizeHeader(st) || s === normalizeHeader(APPLICATION_STATUS_LABELS[st])) return ok(st);
  }
  const alias = STATUS_ALIASES[s];
  if (alias) return ok(alias);
  return bad(`Write one of: ${APPLICATION_STATUSES.map((st) => APPLICATION_STATUS_LABELS[st]).join(', ')} (found "${raw.trim()}").`);
}

/** How a value is written back into a cell by exports and templates. */
export function triCell(v: TriState): string {
  return v === 'yes' ? 'Yes' : v === 'no' ? 'No' : 'Unknown';
}
