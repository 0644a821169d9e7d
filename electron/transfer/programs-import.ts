// Importing programs from a spreadsheet: each row is one track at one institution. A row
// updates the program it matches (by NRMP code, else institution name + track) and adds
// the others; rows of the same institution share it. Every value goes through the editor's
// zod schemas (institutionInputSchema and programTrackInputSchema: for one track, exactly
// what institutionWithTracksSchema says, tests/shared/import-fields.test.ts), so the rules
// and messages are the same as in the editor.
import type { Db } from '../db/open';
import { columnNames, toRow } from '../db/columns';
import { createProgramsRepo, INSTITUTION_COLUMNS, PROGRAM_COLUMNS } from '../db/repos/programs-repo';
import {
  combineVisa,
  parseBool,
  parseCutoffKind,
  parseDate,
  parseList,
  parseNumber,
  parseSetting,
  parseTrack,
  parseTri,
  parseUnfilled,
  parseVisa,
  parseYearsSinceGraduation,
  PROGRAM_FIELDS,
  type Cell,
  type ProgramFieldKey,
} from '../../shared/domain/import-fields';
import {
  emptyInstitution,
  emptyTrack,
  institutionInputSchema,
  programTrackInputSchema,
  PROGRAM_LABELS,
  type InstitutionFields,
  type ProgramTrackFields,
  type Track,
  type TriState,
  type VisaSponsorship,
} from '../../shared/domain/program';
import { normalizeNrmpCode } from '../../shared/domain/nrmp';
import type { ImportPlan } from '../../shared/api/transfer-api';
import type { SheetData } from './read-file';
import { findProgram, importPlan, indexPrograms, mappedColumns, nameKey, planRows, trackOfCode } from './import-plan';

const INSTITUTION_KEYS = Object.keys(emptyInstitution()) as (keyof InstitutionFields)[];
const TRACK_KEYS = Object.keys(emptyTrack('preliminary')) as (keyof ProgramTrackFields)[];

interface RowValues {
  inst: Partial<InstitutionFields>;
  track: Partial<ProgramTrackFields>;
  kind?: Track;
  onList?: boolean;
  visa?: VisaSponsorship;
  j1?: TriState;
  h1b?: TriState;
}

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

/** Reads one cell into the row's values; returns what is wrong with it, or undefined. */
type CellReader = (raw: string, v: RowValues) => string | undefined;

/**
 * A reader that parses a cell into one field of the row's institution, track or row values
 * (made once per column: no closure per cell).
 */
function into<T extends object, K extends keyof T>(part: (v: RowValues) => T, key: K, parse: (raw: string) => Cell<T[K]>): CellReader {
  return (raw, v) => {
    const cell = parse(raw);
    if (cell.error !== undefined) return cell.error;
    part(v)[key] = cell.value;
    return undefined;
  };
}
const instPart = (v: RowValues) => v.inst;
const trackPart = (v: RowValues) => v.track;
const rowPart = (v: RowValues) => v;
const asText = (raw: string): Cell<string> => ({ value: raw });

/** The reader of each field (thisYear reads a graduation year as years since it). */
const READERS: { [K in ProgramFieldKey]: (thisYear: number) => CellReader } = {
  institution: () => into(instPart, 'name', asText),
  track: () => into(rowPart, 'kind', parseTrack),
  nrmpCode: () => into(trackPart, 'nrmpCode', (raw) => ({ value: normalizeNrmpCode(raw) })),
  erasProgramId: () => into(trackPart, 'erasProgramId', asText),
  city: () => into(instPart, 'city', asText),
  state: () => into(instPart, 'state', asText),
  setting: () => into(instPart, 'setting', parseSetting),
  visa: () => into(rowPart, 'visa', parseVisa),
  j1: () => into(rowPart, 'j1', parseTri),
  h1b: () => into(rowPart, 'h1b', parseTri),
  minStep2ck: () => into(trackPart, 'minStep2ck', parseNumber),
  minStep2ckKind: () => into(trackPart, 'minStep2ckKind', parseCutoffKind),
  minStep1: () => into(trackPart, 'minStep1', parseNumber),
  minStep1Kind: () => into(trackPart, 'minStep1Kind', parseCutoffKind),
  imgSharePct: () => into(instPart, 'imgSharePct', parseNumber),
  nonUsImgResidents: () => into(instPart, 'nonUsImgResidents', parseTri),
  maxYearsSinceGraduation: (thisYear) => into(trackPart, 'maxYearsSinceGraduation', (raw) => parseYearsSinceGraduation(raw, thisYear)),
  usceRequired: () => into(trackPart, 'usceRequired', parseTri),
  usceMonthsRequired: () => into(trackPart, 'usceMonthsRequired', parseNumber),
  firstAttemptOnly: () => into(trackPart, 'firstAttemptOnly', parseTri),
  positionsOffered: () => into(trackPart, 'positionsOffered', parseNumber),
  unfilledHistory: () => into(trackPart, 'unfilledHistory', parseUnfilled),
  website: () => into(instPart, 'website', asText),
  pdName: () => into(instPart, 'pdName', asText),
  pdEmail: () => into(instPart, 'pdEmail', asText),
  coordinatorName: () => into(instPart, 'coordinatorName', asText),
  coordinatorEmail: () => into(instPart, 'coordinatorEmail', asText),
  researchHeavy: () => into(instPart, 'researchHeavy', parseBool),
  internalConnection: () => into(instPart, 'internalConnection', parseBool),
  onList: () => into(rowPart, 'onList', parseBool),
  tags: () => into(trackPart, 'tags', parseList),
  notes: () => into(trackPart, 'notes', asText),
  dataSource: () => into(instPart, 'dataSource', asText),
  lastVerified: () => into(instPart, 'lastVerified', parseDate),
};

/** The reader of one mapped column, made once per import (not once per cell). */
function cellReader(key: string, header: string, thisYear: number): CellReader {
  const make = Object.hasOwn(READERS, key) ? READERS[key as ProgramFieldKey] : undefined;
  return make ? make(thisYear) : () => `"${key}" is not a column we can import (${header}); set it to "Ignore".`;
}

/** Turns each mapped cell into a value with the readers of the mapping; problems name the column. */
function readRow(cells: string[], readers: (CellReader | null)[], problems: (col: number, message: string) => void): RowValues {
  const v: RowValues = { inst: {}, track: {} };
  for (let c = 0; c < readers.length; c++) {
    const read = readers[c];
    const raw = cells[c] ?? '';
    if (!read || raw === '') continue;
    const error = read(raw, v);
    if (error !== undefined) problems(c, error);
  }
  const visa = combineVisa(v.visa, v.j1, v.h1b);
  if (visa !== undefined) v.inst.visaSponsorship = visa;
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
/** Whether two records hold the same values for these keys (in any key order). */
function same<T extends object>(a: T, b: T, keys: readonly (keyof T)[]): boolean {
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x !== y && (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y))) return false;
  }
  return true;
}

/**
 * Works out what importing the sheet would do, without writing. Every problem names the
 * row and the column. Reads the current programs (call it inside the write transaction to
 * commit exactly what was planned).
 */
export function planProgramImport(db: Db, sheet: SheetData, mapping: (string | null)[], today: string): ProgramImportPlan {
  const thisYear = Number(today.slice(0, 4));
  const index = indexPrograms(createProgramsRepo(db).list());
  const { byCode, byEras, institutionByName } = index;
  const { colOf, header } = mappedColumns(sheet, mapping, PROGRAM_FIELDS);
  const institutions = new Map<InstKey, PlannedInstitution>();
  // The first row of each program: existing ones by id, new ones by track and nameKey.
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
  const readers = mapping.map((key, c) => (key === null ? null : cellReader(key, sheet.headers[c] ?? '', thisYear)));
  // Every row of each NRMP code and ERAS ID in the file, so that all rows sharing one are
  // problems (not only the later ones: the first would otherwise be imported on its own).
  const codeRows = new Map<string, number[]>();
  const erasRows = new Map<string, number[]>();
  const idReaders = readers.map((r, c) => (mapping[c] === 'nrmpCode' || mapping[c] === 'erasProgramId' ? r : null));
  sheet.rows.forEach((cells, i) => {
    const v = readRow(cells, idReaders, () => undefined);
    const row = sheet.rowNumbers[i]!;
    for (const [id, rowsOf] of [[v.track.nrmpCode, codeRows], [v.track.erasProgramId, erasRows]] as const) {
      if (id === undefined || id === null || id === '') continue;
      const list = rowsOf.get(id);
      if (list) list.push(row);
      else rowsOf.set(id, [row]);
    }
  });
  const otherRows = (rowsOf: number[], row: number) => {
    const others = rowsOf.filter((r) => r !== row);
    return others.length === 1 ? `row ${others[0]}` : `rows ${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
  };

  const rows = planRows<PlannedRow>(sheet, mapping, (cells, { row, problems: rowProblems, problem }) => {
    const v = readRow(cells, readers, (c, m) => problem(sheet.headers[c] || null, m));
    const code = v.track.nrmpCode ?? '';
    const eras = v.track.erasProgramId ?? '';
    const sameCode = code === '' ? undefined : codeRows.get(code);
    if (sameCode && sameCode.length > 1) problem(header('nrmpCode'), `NRMP code ${code} is also on ${otherRows(sameCode, row)}; each program has its own code.`);
    const sameEras = eras === '' ? undefined : erasRows.get(eras);
    if (sameEras && sameEras.length > 1) problem(header('erasProgramId'), `ERAS ID ${eras} is also on ${otherRows(sameEras, row)}; each program has its own ERAS ID.`);
    const name = v.inst.name ?? '';
    const kindGuess: Track | undefined = v.kind ?? trackOfCode(code);
    const match = findProgram(index, code, name, kindGuess);
    if (match && name !== '' && nameKey(name) !== nameKey(match.institution.name)) {
      if (byCode.get(code) === match) {
        problem(
          header('nrmpCode'),
          `NRMP code ${code} belongs to ${match.institution.name} (${PROGRAM_LABELS.track[match.track]}), but this row says "${name}". Check the code, or write the institution name as it is in Prelim Tracker.`,
        );
      }
    } else if (match && name !== '') {
      // The same name in another case or spelling of accents: keep the name as it is.
      delete v.inst.name;
    }
    const kind = v.kind ?? kindGuess ?? match?.track;
    const label = `${name || match?.institution.name || '(no name)'}${kind ? ` (${PROGRAM_LABELS.track[kind]})` : ''}`;

    if (rowProblems.length === 0) {
      if (!match && name === '') {
        problem(header('institution') ?? header('nrmpCode'), code !== '' ? `No program has NRMP code ${code} yet; to add it, give the institution name too.` : 'Give the institution name (or the NRMP code of a program you already have).');
      } else if (!kind) {
        problem(header('track'), 'Give the track (Preliminary or Categorical), or an NRMP code whose 8th letter says it (P or C).');
      }
    }

    let instKey: InstKey = '';
    let candidate: InstitutionFields | undefined;
    let trackFields: ProgramTrackFields | undefined;
    if (rowProblems.length === 0 && kind) {
      const key = nameKey(name);
      const seen = match ? seenProgram : seenNew[kind];
      const identity = match ? match.id : key;
      const firstRow = (seen as Map<InstKey, number>).get(identity);
      if (firstRow !== undefined) problem(null, `Row ${firstRow} already has ${label}; keep one row per program (NRMP code, or institution and track).`);
      if (firstRow === undefined) (seen as Map<InstKey, number>).set(identity, row);

      const existingInst = match?.institution ?? institutionByName.get(nameKey(name));
      instKey = existingInst ? existingInst.id : key;
      const acc = institutions.get(instKey);
      const base: InstitutionFields = acc?.fields ?? (existingInst ? pick(existingInst, INSTITUTION_KEYS) : emptyInstitution());
      candidate = { ...base, ...v.inst };
      trackFields = { ...(match ? pick(match, TRACK_KEYS) : emptyTrack(kind)), ...v.track, track: kind };
    }

    let parsed: { institution: InstitutionFields; track: ProgramTrackFields } | undefined;
    if (rowProblems.length === 0 && candidate && trackFields) {
      // The editor's two schemas, the institution checked once while rows repeat it unchanged.
      const inst = checkInstitution(instKey, candidate);
      const track = programTrackInputSchema.safeParse(trackFields);
      if (!inst.success || !track.success) {
        for (const issue of inst.error?.issues ?? []) {
          const a = String(issue.path[0]);
          const field = a === 'visaSponsorship' ? (colOf.has('visa') ? 'visa' : colOf.has('j1') ? 'j1' : 'h1b') : a === 'name' ? 'institution' : a;
          problem(header(field), issue.message);
        }
        for (const issue of track.error?.issues ?? []) problem(header(String(issue.path[0])), issue.message);
      } else {
        // zod keeps only the schema's keys (no id was given), so the output is the fields as stored.
        // Stored and read back newest year first.
        if (track.data.unfilledHistory.length > 1) track.data.unfilledHistory.sort((x, y) => y.year - x.year);
        parsed = { institution: inst.data, track: track.data };
        const codeOwner = parsed.track.nrmpCode ? byCode.get(parsed.track.nrmpCode) : undefined;
        if (codeOwner && codeOwner.id !== match?.id) {
          problem(header('nrmpCode'), `NRMP code ${parsed.track.nrmpCode} is already used by ${codeOwner.institution.name} (${PROGRAM_LABELS.track[codeOwner.track]}); check the code.`);
        }
        const erasOwner = parsed.track.erasProgramId ? byEras.get(parsed.track.erasProgramId) : undefined;
        if (erasOwner && erasOwner.id !== match?.id) {
          problem(header('erasProgramId'), `ERAS ID ${parsed.track.erasProgramId} is already used by ${erasOwner.institution.name} (${PROGRAM_LABELS.track[erasOwner.track]}); check the ID.`);
        }
      }
    }

    if (rowProblems.length > 0 || !parsed) return { label, planned: undefined };

    const acc = institutions.get(instKey);
    const existingInst = match?.institution ?? institutionByName.get(nameKey(name));
    const instChanged = existingInst ? !same<InstitutionFields>(parsed.institution, existingInst, INSTITUTION_KEYS) : true;
    institutions.set(instKey, { id: existingInst?.id, fields: parsed.institution, changed: instChanged || (acc?.changed ?? false) });
    const trackChanged = !match || !same<ProgramTrackFields>(parsed.track, match, TRACK_KEYS) || (v.onList !== undefined && v.onList !== match.onList);
    const action = !match ? 'add' : trackChanged || instChanged ? 'update' : 'unchanged';
    return { label, planned: { row, programId: match?.id, instKey, track: parsed.track, onList: v.onList, replaceUnfilled: v.track.unfilledHistory !== undefined || !match, action } };
  });

  // A row whose institution another row changed later is an update too.
  for (const p of rows.planned) if (p.action === 'unchanged' && institutions.get(p.instKey)?.changed) p.action = 'update';

  return { plan: importPlan('programs', rows), rows: rows.planned, institutions };
}

/** Writes a plan (call inside a transaction). Returns nothing: the plan says what happened. */
export function writeProgramImport(db: Db, planned: ProgramImportPlan, now: Date): void {
  const iCols = columnNames(INSTITUTION_COLUMNS);
  const pCols = columnNames(PROGRAM_COLUMNS);
  const stmts = {
    insertInstitution: db.prepare(`INSERT INTO institution (${iCols.join(', ')}, created_at, updated_at) VALUES (${iCols.map((c) => `@${c}`).join(', ')}, @now, @now)`),
    updateInstitution: db.prepare(`UPDATE institution SET ${iCols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`),
    insertProgram: db.prepare(
      `INSERT INTO program (institution_id, ${pCols.join(', ')}, on_list, created_at, updated_at) VALUES (@institution_id, ${pCols.map((c) => `@${c}`).join(', ')}, @on_list, @now, @now)`,
    ),
    updateProgram: db.prepare(`UPDATE program SET ${pCols.map((c) => `${c} = @${c}`).join(', ')}, on_list = COALESCE(@on_list, on_list), updated_at = @now WHERE id = @id`),
    deleteUnfilled: db.prepare('DELETE FROM program_unfilled WHERE program_id = ?'),
    insertUnfilled: db.prepare('INSERT INTO program_unfilled (program_id, match_year, unfilled) VALUES (?, ?, ?)'),
  };
  const stamp = now.toISOString();
  const instIds = new Map<InstKey, number>();
  for (const [key, inst] of planned.institutions) {
    if (inst.id === undefined) {
      const row: Record<string, string | number | null> = toRow(inst.fields, INSTITUTION_COLUMNS);
      row.now = stamp;
      instIds.set(key, Number(stmts.insertInstitution.run(row).lastInsertRowid));
    } else {
      if (inst.changed) stmts.updateInstitution.run({ ...toRow(inst.fields, INSTITUTION_COLUMNS), now: stamp, id: inst.id });
      instIds.set(key, inst.id);
    }
  }
  for (const p of planned.rows) {
    if (p.action === 'unchanged') continue;
    const onList = p.onList === undefined ? null : p.onList ? 1 : 0;
    // One parameter object per row, filled in place (no copies of it).
    const row: Record<string, string | number | null> = toRow(p.track, PROGRAM_COLUMNS);
    row.now = stamp;
    let id = p.programId;
    if (id === undefined) {
      row.on_list = onList ?? 0;
      row.institution_id = instIds.get(p.instKey)!;
      id = Number(stmts.insertProgram.run(row).lastInsertRowid);
    } else {
      row.on_list = onList;
      row.id = id;
      stmts.updateProgram.run(row);
    }
    if (p.replaceUnfilled) {
      if (p.programId !== undefined) stmts.deleteUnfilled.run(id);
      for (const u of p.track.unfilledHistory) stmts.insertUnfilled.run(id, u.year, u.unfilled);
    }
  }
}
