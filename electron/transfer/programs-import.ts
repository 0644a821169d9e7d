// Importing programs from a spreadsheet: each row is one track at one institution, or two
// (a "Both" track, or two NRMP codes in one cell). A row updates the program it matches (by
// NRMP code, else institution name + track) and adds the others; rows of the same
// institution share it. Cells are read by the rules of shared/import/values.ts
// (program-row-reader.ts), then every value goes through the editor's zod schemas
// (institutionInputSchema and programTrackInputSchema), so the rules and messages are the
// same as in the editor. A re-import lists, per program, each field it changes from what to
// what; the user can keep the app's value ("row:field" in keep).
import type { Db } from '../db/open';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { assertSignalBudget } from '../db/repos/signals-repo';
import { combineVisa, PROGRAM_FIELDS, type ProgramFieldKey } from '../../shared/domain/import-fields';
import {
  emptyInstitution,
  emptyTrack,
  institutionInputSchema,
  programTrackInputSchema,
  PROGRAM_LABELS,
  type InstitutionFields,
  type Program,
  type ProgramTrackFields,
  type Track,
} from '../../shared/domain/program';
import { parseNrmpCode } from '../../shared/domain/nrmp';
import type { FieldChange, ImportPlan } from '../../shared/api/transfer-api';
import type { SheetData } from './read-file';
import { findProgram, importPlan, indexPrograms, mappedColumns, nameKey, planRowsSteps, trackOfCode } from './import-plan';
import { runNow, type Steps } from './slices';
import { columnContexts, emptyRowValues, READERS, type CellReader, type ColumnContext, type RowValues } from './program-row-reader';

const INSTITUTION_KEYS = Object.keys(emptyInstitution()) as (keyof InstitutionFields)[];
const TRACK_KEYS = Object.keys(emptyTrack('preliminary')) as (keyof ProgramTrackFields)[];

/** An existing institution's id, or the nameKey of a new one (a Map tells numbers and strings apart). */
type InstKey = number | string;

interface PlannedRow {
  row: number;
  /** Existing program id, or undefined for a new one. */
  programId: number | undefined;
  /** The institution: its id when it exists, else the nameKey of its name. */
  instKey: InstKey;
  track: ProgramTrackFields;
  onList: boolean | undefined;
  replaceUnfilled: boolean;
  action: 'add' | 'update' | 'unchanged';
}

interface PlannedInstitution {
  id: number | undefined;
  fields: InstitutionFields;
  changed: boolean;
}

export interface ProgramImportPlan {
  plan: ImportPlan;
  rows: PlannedRow[];
  institutions: Map<InstKey, PlannedInstitution>;
}

export interface ProgramImportOptions {
  /** "row:field" pairs where the app's value is kept. */
  keep?: readonly string[];
}

/** The reader of one mapped column, made once per import (not once per cell). */
function cellReader(key: string, header: string): CellReader {
  const read = Object.hasOwn(READERS, key) ? READERS[key as ProgramFieldKey] : undefined;
  return read ?? (() => ({ message: `"${key}" is not a column we can import (${header}); set it to "Ignore".` }));
}

/** Turns each mapped cell into a value with the readers of the mapping; problems name the column. */
function readRow(cells: string[], readers: (CellReader | null)[], contexts: ColumnContext[], problem: (col: number, message: string, choices?: { label: string; raw: string }[]) => void): RowValues {
  const v = emptyRowValues();
  for (let c = 0; c < readers.length; c++) {
    const read = readers[c];
    const ctx = contexts[c]!;
    // In a column of check marks an empty cell is a "no".
    const raw = cells[c] === '' && ctx.blankIsNo ? 'no' : (cells[c] ?? '');
    if (!read || raw === '') continue;
    const p = read(raw, v, ctx);
    if (p !== undefined) problem(c, p.message, p.choices);
  }
  const visa = combineVisa(v.visa, v.j1, v.h1b);
  if (visa !== undefined) v.inst.visaSponsorship = visa;
  if (v.kindColumn !== undefined) {
    v.track.minStep2ckKind = v.kindColumn;
    v.track.minStep2ckKindStated = true;
  }
  if (v.notes.length > 0) v.track.notes = v.notes.join('\n\n');
  // Months of USCE with no word on whether it is required: a stated number of months is a requirement.
  if (v.track.usceMonthsRequired && v.track.usceRequired === undefined) v.track.usceRequired = 'yes';
  return v;
}

/** Whether two flat records (primitive values) hold the same values under the same keys. */
function sameValues<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k] || !(k in b)) return false;
  return true;
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = o[k];
  return out;
}

const sameValue = (x: unknown, y: unknown) => x === y || (typeof x === 'object' && typeof y === 'object' && x !== null && y !== null && JSON.stringify(x) === JSON.stringify(y));

/** Whether two records hold the same values for these keys (in any key order). */
function same<T extends object>(a: T, b: T, keys: readonly (keyof T)[]): boolean {
  for (const k of keys) if (!sameValue(a[k], b[k])) return false;
  return true;
}

/** What a field is called in a diff: the import column's label, else the field in words. */
const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(PROGRAM_FIELDS.map((f) => [f.key, f.label])),
  name: 'Institution',
  visaSponsorship: 'Visa',
  minStep2ckKindStated: 'Step 2 CK cutoff kind stated',
  noStep2ckCutoff: 'States no Step 2 CK cutoff',
  minGraduationYear: 'Earliest graduation year',
  noGraduationLimit: 'No graduation limit',
  uscePreferred: 'USCE preferred',
  unfilledCount: 'Unfilled Matches',
  unfilledWindow: 'Of the last … Matches',
  unfilledYears: 'Unfilled in (years)',
};

function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => (typeof x === 'object' && x !== null && 'year' in x ? `${(x as { year: number }).year}: ${(x as { unfilled: number }).unfilled}` : String(x))).join('; ');
  return String(v as string | number);
}

function changesOf<T extends object>(before: T, after: T, keys: readonly (keyof T)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const k of keys) {
    if (sameValue(before[k], after[k])) continue;
    out.push({ field: String(k), label: FIELD_LABELS[String(k)] ?? String(k), from: shown(before[k]), to: shown(after[k]) });
  }
  return out;
}

/** The programs one row stands for: each with its track and NRMP code. */
function programsOfRow(v: RowValues): { kind: Track | undefined; code: string }[] {
  const valid = v.codes.filter((c) => parseNrmpCode(c) !== null);
  if (v.codes.length > 1 && valid.length === v.codes.length) return v.codes.map((code) => ({ kind: trackOfCode(code), code }));
  const code = v.codes[0] ?? '';
  if (v.kind === 'both') {
    const fromCode = trackOfCode(code);
    if (fromCode) return [{ kind: fromCode, code }, { kind: fromCode === 'preliminary' ? 'categorical' : 'preliminary', code: '' }];
    return [{ kind: 'categorical', code: '' }, { kind: 'preliminary', code: '' }];
  }
  return [{ kind: v.kind ?? trackOfCode(code), code }];
}

/**
 * Works out what importing the sheet would do, without writing. Every problem names the
 * row and the column. Reads the current programs (call it inside the write transaction to
 * commit exactly what was planned).
 */
export function planProgramImport(db: Db, sheet: SheetData, mapping: (string | null)[], today: string, options: ProgramImportOptions = {}): ProgramImportPlan {
  return runNow(planProgramImportSteps(db, sheet, mapping, today, options));
}

/**
 * planProgramImport in steps (one per row, see slices.ts). The current programs are read at
 * the first step, all at once; the rest reads only the sheet. Run in slices outside a
 * transaction, the plan is of the data as it was at that first step: the caller checks the
 * write stamp before writing and plans again if anything was written since.
 */
export function* planProgramImportSteps(db: Db, sheet: SheetData, mapping: (string | null)[], today: string, options: ProgramImportOptions = {}): Steps<ProgramImportPlan> {
  const keep = new Set(options.keep ?? []);
  const index = indexPrograms(createProgramsRepo(db).list());
  const { byCode, byEras, institutionByName } = index;
  const { colOf, header } = mappedColumns(sheet, mapping, PROGRAM_FIELDS);
  const institutions = new Map<InstKey, PlannedInstitution>();
  const seenProgram = new Map<number, number>();
  const seenNew = { preliminary: new Map<string, number>(), categorical: new Map<string, number>() };
  // A zod schema is a pure function of its input: an institution given again with the same
  // values (the next track of it, on the next row) has the same result.
  const checked = new Map<InstKey, { input: InstitutionFields; result: ReturnType<typeof institutionInputSchema.safeParse> }>();
  const checkInstitution = (key: InstKey, input: InstitutionFields) => {
    const last = checked.get(key);
    if (last && sameValues(last.input, input)) return last.result;
    const result = institutionInputSchema.safeParse(input);
    checked.set(key, { input, result });
    return result;
  };
  const readers = mapping.map((key, c) => (key === null ? null : cellReader(key, sheet.headers[c] ?? '')));
  const contexts = columnContexts(sheet.headers, sheet.rows, mapping, today);
  // Every row of each NRMP code and ERAS ID in the file, so that all rows sharing one are
  // problems (not only the later ones: the first would otherwise be imported on its own).
  const codeRows = new Map<string, number[]>();
  const erasRows = new Map<string, number[]>();
  const idReaders = readers.map((r, c) => (mapping[c] === 'nrmpCode' || mapping[c] === 'erasProgramId' ? r : null));
  for (let i = 0; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    const v = readRow(cells, idReaders, contexts, () => undefined);
    const row = sheet.rowNumbers[i]!;
    const ids: [string | undefined, Map<string, number[]>][] = [...v.codes.map((c): [string, Map<string, number[]>] => [c, codeRows]), [v.track.erasProgramId, erasRows]];
    for (const [id, rowsOf] of ids) {
      if (id === undefined || id === '') continue;
      const list = rowsOf.get(id);
      if (list) {
        if (!list.includes(row)) list.push(row);
      } else rowsOf.set(id, [row]);
    }
    yield;
  }
  const otherRows = (rowsOf: number[], row: number) => {
    const others = rowsOf.filter((r) => r !== row);
    return others.length === 1 ? `row ${others[0]}` : `rows ${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
  };

  const rows = yield* planRowsSteps<PlannedRow>(sheet, mapping, (cells, { row, problems: rowProblems, problem }) => {
    const v = readRow(cells, readers, contexts, (c, m, choices) => problem(sheet.headers[c] || null, m, c, choices));
    const eras = v.track.erasProgramId ?? '';
    for (const code of new Set(v.codes)) {
      const sameCode = code === '' ? undefined : codeRows.get(code);
      if (sameCode && sameCode.length > 1) problem(header('nrmpCode'), `NRMP code ${code} is also on ${otherRows(sameCode, row)}; each program has its own code.`);
    }
    const sameEras = eras === '' ? undefined : erasRows.get(eras);
    if (sameEras && sameEras.length > 1) problem(header('erasProgramId'), `ERAS ID ${eras} is also on ${otherRows(sameEras, row)}; each program has its own ERAS ID.`);
    const name = v.inst.name ?? '';
    const programs = programsOfRow(v);
    if (programs.length > 1 && eras !== '') problem(header('erasProgramId'), 'This row stands for two programs (both tracks); an ERAS ID belongs to one: give each track its own row.');
    const labels: string[] = [];
    const planned: PlannedRow[] = [];

    for (const { kind: kindGuess, code } of programs) {
      const match = findProgram(index, code, name, kindGuess);
      const inst = { ...v.inst };
      if (match && name !== '' && nameKey(name) !== nameKey(match.institution.name)) {
        if (byCode.get(code) === match) {
          problem(
            header('nrmpCode'),
            `NRMP code ${code} belongs to ${match.institution.name} (${PROGRAM_LABELS.track[match.track]}), but this row says "${name}". Check the code, or write the institution name as it is in Prelim Tracker.`,
          );
        }
      } else if (match && name !== '') {
        // The same name in another case, spelling of accents or abbreviation: keep the name as it is.
        delete inst.name;
      }
      const kind = kindGuess ?? match?.track;
      const label = `${name || match?.institution.name || '(no name)'}${kind ? ` (${PROGRAM_LABELS.track[kind]})` : ''}`;
      labels.push(label);

      // Cells that could not be read are problems already; the rest of the row is still
      // checked, so every problem of the row is named in one round.
      const unreadable = rowProblems.length;
      const onlyCells = rowProblems.every((p) => p.col !== undefined);
      if (unreadable === 0) {
        if (!match && name === '') {
          problem(header('institution') ?? header('nrmpCode'), code !== '' ? `No program has NRMP code ${code} yet; to add it, give the institution name too.` : 'Give the institution name (or the NRMP code of a program you already have).');
        } else if (!kind) {
          problem(header('track'), 'Give the track (Preliminary, Categorical or Both), or an NRMP code whose 8th letter says it (P or C).');
        }
      }
      if (!onlyCells || rowProblems.length > unreadable || !kind || (!match && name === '')) continue;

      const key = nameKey(name);
      const seen = match ? seenProgram : seenNew[kind];
      const identity = match ? match.id : key;
      const firstRow = (seen as Map<InstKey, number>).get(identity);
      if (firstRow !== undefined && firstRow !== row) problem(null, `Row ${firstRow} already has ${label}; keep one row per program (NRMP code, or institution and track).`);
      if (firstRow === undefined) (seen as Map<InstKey, number>).set(identity, row);
      if (rowProblems.length > unreadable) continue;

      const existingInst = match?.institution ?? institutionByName.get(key);
      const instKey: InstKey = existingInst ? existingInst.id : key;
      const acc = institutions.get(instKey);
      const base: InstitutionFields = acc?.fields ?? (existingInst ? pick(existingInst, INSTITUTION_KEYS) : emptyInstitution());
      const candidate: InstitutionFields = { ...base, ...inst };
      const baseTrack = match ? pick(match, TRACK_KEYS) : emptyTrack(kind);
      const trackFields: ProgramTrackFields = { ...baseTrack, ...v.track, track: kind, nrmpCode: code !== '' ? code : baseTrack.nrmpCode };
      if (v.addTags.length > 0) trackFields.tags = [...new Set([...trackFields.tags, ...v.addTags])];
      // "Keep mine": the app's value stays where the user said so.
      if (existingInst) for (const k of INSTITUTION_KEYS) if (keep.has(`${row}:${k}`)) (candidate as Record<string, unknown>)[k] = existingInst[k];
      if (match) for (const k of TRACK_KEYS) if (keep.has(`${row}:${k}`)) (trackFields as Record<string, unknown>)[k] = match[k];

      const instResult = checkInstitution(instKey, candidate);
      const trackResult = programTrackInputSchema.safeParse(trackFields);
      if (!instResult.success || !trackResult.success) {
        // A column already named for an unreadable cell is not named again for the value it lacks.
        const named = new Set(rowProblems.map((p) => p.column));
        const problemOnce = (column: string | null, message: string) => {
          if (column === null || !named.has(column)) problem(column, message);
        };
        for (const issue of instResult.error?.issues ?? []) {
          const a = String(issue.path[0]);
          const field = a === 'visaSponsorship' ? (colOf.has('visa') ? 'visa' : colOf.has('j1') ? 'j1' : 'h1b') : a === 'name' ? 'institution' : (a === 'city' || a === 'state') && colOf.has('cityState') ? 'cityState' : a;
          problemOnce(header(field), issue.message);
        }
        for (const issue of trackResult.error?.issues ?? []) {
          const a = String(issue.path[0]);
          const field = a === 'unfilledCount' || a === 'unfilledYears' ? 'unfilledHistory' : a === 'minGraduationYear' ? 'maxYearsSinceGraduation' : a === 'noStep2ckCutoff' ? 'minStep2ck' : a;
          problemOnce(header(field), issue.message);
        }
        continue;
      }
      const parsed = { institution: instResult.data, track: trackResult.data };
      // Stored and read back newest year first.
      if (parsed.track.unfilledHistory.length > 1) parsed.track.unfilledHistory.sort((x, y) => y.year - x.year);
      const codeOwner = parsed.track.nrmpCode ? byCode.get(parsed.track.nrmpCode) : undefined;
      if (codeOwner && codeOwner.id !== match?.id) {
        problem(header('nrmpCode'), `NRMP code ${parsed.track.nrmpCode} is already used by ${codeOwner.institution.name} (${PROGRAM_LABELS.track[codeOwner.track]}); check the code.`);
      }
      const erasOwner = parsed.track.erasProgramId ? byEras.get(parsed.track.erasProgramId) : undefined;
      if (erasOwner && erasOwner.id !== match?.id) {
        problem(header('erasProgramId'), `ERAS ID ${parsed.track.erasProgramId} is already used by ${erasOwner.institution.name} (${PROGRAM_LABELS.track[erasOwner.track]}); check the ID.`);
      }
      if (rowProblems.length > 0) continue;

      const instChanged = existingInst ? !same<InstitutionFields>(parsed.institution, existingInst, INSTITUTION_KEYS) : true;
      institutions.set(instKey, { id: existingInst?.id, fields: parsed.institution, changed: instChanged || (acc?.changed ?? false) });
      const trackChanged = !match || !same<ProgramTrackFields>(parsed.track, match, TRACK_KEYS) || (v.onList !== undefined && v.onList !== match.onList);
      const action = !match ? 'add' : trackChanged || instChanged ? 'update' : 'unchanged';
      const replaceUnfilled = v.track.unfilledHistory !== undefined || !match;
      const p: PlannedRow & { changes?: FieldChange[] } = { row, programId: match?.id, instKey, track: parsed.track, onList: v.onList, replaceUnfilled, action };
      if (match && action === 'update') p.changes = diffOf(match, parsed, v.onList);
      planned.push(p);
    }
    const label = [...new Set(labels)].join(' + ') || '(no name)';
    if (rowProblems.length > 0 || planned.length === 0) return { label, planned: undefined };
    return { label, planned };
  });

  // A row whose institution another row changed later is an update too.
  for (const p of rows.planned) if (p.action === 'unchanged' && institutions.get(p.instKey)?.changed) p.action = 'update';

  return { plan: importPlan('programs', rows), rows: rows.planned, institutions };
}

/** Each field an update changes on an existing program, from the app's value to the file's. */
function diffOf(match: Program, parsed: { institution: InstitutionFields; track: ProgramTrackFields }, onList: boolean | undefined): FieldChange[] {
  const changes = [...changesOf<InstitutionFields>(match.institution, parsed.institution, INSTITUTION_KEYS), ...changesOf<ProgramTrackFields>(match, parsed.track, TRACK_KEYS)];
  if (onList !== undefined && onList !== match.onList) changes.push({ field: 'onList', label: FIELD_LABELS.onList ?? 'On list', from: shown(match.onList), to: shown(onList) });
  return changes;
}

export type { Program };

/** Writes a plan through the programs repo (call inside a transaction). Returns nothing: the plan says what happened. */
export function writeProgramImport(db: Db, planned: ProgramImportPlan, now: Date): void {
  runNow(writeProgramImportSteps(db, planned, now));
}

/** writeProgramImport in steps (one per institution and per program, see slices.ts), for a transaction held across slices. */
export function* writeProgramImportSteps(db: Db, planned: ProgramImportPlan, now: Date): Steps<void> {
  const write = createProgramsRepo(db).importWriter(now);
  const instIds = new Map<InstKey, number>();
  for (const [key, inst] of planned.institutions) {
    if (inst.id === undefined) {
      instIds.set(key, write.addInstitution(inst.fields));
    } else {
      if (inst.changed) write.updateInstitution(inst.id, inst.fields);
      instIds.set(key, inst.id);
    }
    yield;
  }
  for (const p of planned.rows) {
    if (p.action === 'unchanged') continue;
    if (p.programId === undefined) write.addProgram(instIds.get(p.instKey)!, p.track, p.onList ?? false);
    else write.updateProgram(p.programId, p.track, p.onList, p.replaceUnfilled);
    yield;
  }
  // No more signals sent than the budget (docs/DOMAIN.md §6): refuses the whole import.
  assertSignalBudget(db);
}
