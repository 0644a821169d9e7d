// What the programs and applications imports share: finding a program from a row (NRMP
// code, else institution name + track), naming the column a field came from, and going
// through the data rows (blank rows counted, each row's problems collected, the first rows
// listed for the dry run, the counts of the plan).
import type { ImportField, ImportKind } from '../../shared/domain/import-fields';
import { parseNrmpCode } from '../../shared/domain/nrmp';
import type { Program, Track } from '../../shared/domain/program';
import type { FieldChange, ImportPlan, RowProblem } from '../../shared/api/transfer-api';
import { institutionKey } from '../../shared/import/values';
import type { SheetData } from './read-file';
import { runNow, type Steps } from './slices';

/** The dry run lists this many rows at most (the counts cover all of them). */
export const MAX_PLAN_ROWS = 500;

const nameKeys = new Map<string, string>();

/**
 * Institution-name key: case-, accent-, punctuation- and abbreviation-insensitive, "St." =
 * "Saint", a trailing "Hospital" optional (institutionKey, shared/import/values.ts).
 */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = institutionKey(name);
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

/** The programs already in the database, by the ways a row can name one. */
export interface ProgramIndex {
  byCode: Map<string, Program>;
  byEras: Map<string, Program>;
  /** `${nameKey(institution)}|${track}` */
  byNameTrack: Map<string, Program>;
  /** The institution of each name (nameKey), from its first program. */
  institutionByName: Map<string, Program['institution']>;
}

export function indexPrograms(programs: readonly Program[]): ProgramIndex {
  const index: ProgramIndex = { byCode: new Map(), byEras: new Map(), byNameTrack: new Map(), institutionByName: new Map() };
  for (const p of programs) {
    const key = nameKey(p.institution.name);
    if (p.nrmpCode) index.byCode.set(p.nrmpCode, p);
    if (p.erasProgramId) index.byEras.set(p.erasProgramId, p);
    index.byNameTrack.set(`${key}|${p.track}`, p);
    if (!index.institutionByName.has(key)) index.institutionByName.set(key, p.institution);
  }
  return index;
}

/** The track an NRMP code's 8th letter names (P or C), if any. */
export function trackOfCode(code: string): Track | undefined {
  const letter = parseNrmpCode(code)?.track;
  return letter === 'P' ? 'preliminary' : letter === 'C' ? 'categorical' : undefined;
}

/** The program a row names: by NRMP code, else by institution name and track. */
export function findProgram(index: ProgramIndex, code: string, name: string, kind: Track | undefined): Program | undefined {
  const byCode = code !== '' ? index.byCode.get(code) : undefined;
  if (byCode || name === '' || !kind) return byCode;
  return index.byNameTrack.get(`${nameKey(name)}|${kind}`);
}

/** Where each mapped field is, and the header to name in a problem (the field's label when the header is empty). */
export function mappedColumns(sheet: SheetData, mapping: readonly (string | null)[], fields: readonly ImportField[]) {
  const colOf = new Map<string, number>();
  mapping.forEach((k, c) => k !== null && colOf.set(k, c));
  const labels = new Map<string, string>(fields.map((f) => [f.key, f.label]));
  const header = (key: string | undefined): string | null => {
    if (key === undefined) return null;
    const c = colOf.get(key);
    return c === undefined ? null : sheet.headers[c] || (labels.get(key) ?? key);
  };
  return { colOf, header };
}

export type PlannedAction = 'add' | 'update' | 'unchanged';

/** One data row being planned: its problems name the row. */
export interface RowContext {
  row: number;
  problems: RowProblem[];
  /** col: the column's position; choices: the readings of an ambiguous cell. */
  problem(column: string | null, message: string, col?: number, choices?: { label: string; raw: string }[]): void;
}

/** What a row comes to: the planned changes (a row can stand for two programs), or undefined when it has problems. */
export interface RowOutcome<P> {
  label: string;
  planned: P | P[] | undefined;
}

export interface PlannedRows<P extends { row: number; action: PlannedAction }> {
  planned: P[];
  problems: RowProblem[];
  blank: number;
  rowCount: number;
  /** The first MAX_PLAN_ROWS rows that are not blank, for the dry run. */
  listed: { row: number; label: string; planned: P[] | undefined }[];
}

/** Whether a row has no value in a mapped column. */
function isBlankRow(cells: readonly string[], mapping: readonly (string | null)[]): boolean {
  for (let c = 0; c < cells.length; c++) if (cells[c] !== '' && mapping[c] != null) return false;
  return true;
}

/**
 * Plans each row that is not blank with planRow. A row with a problem (or no planned
 * change) is a problem row; its problems are kept in order. Yields after each row (slices.ts).
 */
export function* planRowsSteps<P extends { row: number; action: PlannedAction }>(
  sheet: SheetData,
  mapping: readonly (string | null)[],
  planRow: (cells: string[], ctx: RowContext) => RowOutcome<P>,
): Steps<PlannedRows<P>> {
  const out: PlannedRows<P> = { planned: [], problems: [], blank: 0, rowCount: sheet.rows.length, listed: [] };
  for (let i = 0; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    if (isBlankRow(cells, mapping)) {
      out.blank++;
      continue;
    }
    const row = sheet.rowNumbers[i]!;
    const problems: RowProblem[] = [];
    const { label, planned } = planRow(cells, {
      row,
      problems,
      problem: (column, message, col, choices) => problems.push(col === undefined ? { row, column, message } : choices ? { row, column, message, col, choices } : { row, column, message, col }),
    });
    const list = planned === undefined ? undefined : Array.isArray(planned) ? planned : [planned];
    const ok = problems.length === 0 && list !== undefined && list.length > 0;
    if (ok) out.planned.push(...list);
    else out.problems.push(...problems);
    if (out.listed.length < MAX_PLAN_ROWS) out.listed.push({ row, label, planned: ok ? list : undefined });
    yield;
  }
  return out;
}

/** planRowsSteps, all at once. */
export function planRows<P extends { row: number; action: PlannedAction }>(sheet: SheetData, mapping: readonly (string | null)[], planRow: (cells: string[], ctx: RowContext) => RowOutcome<P>): PlannedRows<P> {
  return runNow(planRowsSteps(sheet, mapping, planRow));
}

/** The plan shown by the dry run (actions as they are now: a later row may turn "unchanged" into "update"). */
export function importPlan<P extends { row: number; action: PlannedAction; changes?: FieldChange[] }>(kind: ImportKind, rows: PlannedRows<P>): ImportPlan {
  const count = (action: PlannedAction) => rows.planned.reduce((n, p) => (p.action === action ? n + 1 : n), 0);
  return {
    kind,
    rowCount: rows.rowCount,
    add: count('add'),
    update: count('update'),
    unchanged: count('unchanged'),
    blank: rows.blank,
    problems: rows.problems,
    rows: rows.listed.map(({ row, label, planned }) => {
      if (!planned) return { row, action: 'problem' as const, label };
      // A row of two programs is an update when either is, an addition when either is new.
      const action = planned.some((p) => p.action === 'update') ? 'update' : planned.some((p) => p.action === 'add') ? 'add' : 'unchanged';
      const changes = planned.flatMap((p) => p.changes ?? []);
      return changes.length > 0 ? { row, action, label, changes } : { row, action, label };
    }),
    fileProblem: null,
  };
}
