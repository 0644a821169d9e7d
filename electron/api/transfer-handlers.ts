// Handlers for import and export. An import plans in slices (small calls are answered
// meanwhile), backs up the database (reason 'before-import') when it will write, then writes
// in one IMMEDIATE transaction, so a crash or a refused row leaves the data as it was.
import type { Handlers } from '../../shared/api/contract';
import type { ImportFile, ImportPlan, ImportResult, transferApi } from '../../shared/api/transfer-api';
import type { BackupInfo } from '../../shared/api/backup-api';
import { guessMapping, IMPORT_FIELDS, mappingProblem, type ImportKind } from '../../shared/domain/import-fields';
import { backupDatabase } from '../db/backup';
import { inTransaction, writeStamp, type Db } from '../db/open';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { planApplicationImport, writeApplicationImport } from '../transfer/applications-import';
import { exportFile, exportJsonFile } from '../transfer/export';
import { checkJsonImport, exportJson, loadJsonImport, parseJsonExport, tryJsonImport } from '../transfer/json-dump';
import { planProgramImportSteps, writeProgramImport, type ProgramImportPlan } from '../transfer/programs-import';
import { runNow, runSliced, type Steps } from '../transfer/slices';
import { decodeFile, readSheet, type SheetData } from '../transfer/read-file';
import type { HandlerContext } from './context';

type TransferHandlers = Pick<Handlers, keyof typeof transferApi>;

const SAMPLE_ROWS = 5;

function checkMapping(kind: ImportKind, sheet: SheetData, mapping: (string | null)[]): void {
  if (mapping.length !== sheet.headers.length) {
    const n = (k: number) => `${k} column${k === 1 ? '' : 's'}`;
    throw new AppError('invalid_input', `The mapping is for ${n(mapping.length)} but the file has ${n(sheet.headers.length)}; choose the file again.`);
  }
  const known = new Set<string>(IMPORT_FIELDS[kind].map((f) => f.key));
  const unknown = mapping.findIndex((m) => m !== null && !known.has(m));
  if (unknown >= 0) {
    throw new AppError('invalid_input', `The column "${sheet.headers[unknown] ?? unknown + 1}" is set to "${mapping[unknown]}", which is not something ${kind} have; choose from the list or "Ignore".`);
  }
  const problem = mappingProblem(kind, mapping);
  if (problem) throw new AppError('invalid_input', problem);
}

type Planned = { kind: 'programs'; planned: ProgramImportPlan } | { kind: 'applications'; planned: ReturnType<typeof planApplicationImport> };

/** What the user decided in the preview besides the mapping. */
export interface ImportChoices {
  /** Readings chosen for ambiguous cells (the cell's text replaced). */
  cells?: readonly { row: number; col: number; raw: string }[];
  /** "row:field": keep the app's value. */
  keep?: readonly string[];
}

/** The plan in steps (a program file's rows one by one; an applications file, of hundreds of rows at most, in one step). */
function* planSteps(db: Db, kind: ImportKind, sheet: SheetData, mapping: (string | null)[], today: string, choices: ImportChoices): Steps<Planned> {
  if (kind === 'programs') return { kind, planned: yield* planProgramImportSteps(db, sheet, mapping, today, { keep: choices.keep ?? [] }) };
  return { kind, planned: planApplicationImport(db, sheet, mapping, today) };
}

/** The sheet with the chosen readings of ambiguous cells in place of what the file says. */
function withChoices(sheet: SheetData, cells: ImportChoices['cells']): SheetData {
  if (!cells || cells.length === 0) return sheet;
  const at = new Map(sheet.rowNumbers.map((r, i) => [r, i]));
  const rows = sheet.rows.slice();
  for (const { row, col, raw } of cells) {
    const i = at.get(row);
    if (i === undefined || col >= sheet.headers.length) throw new AppError('invalid_input', `Row ${row}, column ${col + 1} is not a cell of the file; choose the file again.`);
    rows[i] = rows[i]!.slice();
    rows[i]![col] = raw;
  }
  return { ...sheet, rows };
}

function refuseProblems(plan: ImportPlan, skipInvalid: boolean): void {
  if (plan.problems.length === 0 || skipInvalid) return;
  const rows = new Set(plan.problems.map((p) => p.row)).size;
  const first = plan.problems[0]!;
  throw new AppError(
    'invalid_input',
    `${rows} row${rows === 1 ? ' has' : 's have'} problems, so nothing was imported. Row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.message} Fix the file, or choose to leave those rows out.`,
  );
}

function writePlan(db: Db, p: Planned, clock: Clock): void {
  if (p.kind === 'programs') writeProgramImport(db, p.planned, clock.now());
  else writeApplicationImport(db, p.planned, clock.now(), clock.today());
}

/**
 * The dry run. Planned in slices (slices.ts), so small calls are answered meanwhile; the data
 * it plans against is read in one synchronous step (no other connection can write, see
 * electron/db/open.ts), so it is one consistent view.
 */
export async function checkImport(db: Db, kind: ImportKind, file: SheetData, mapping: (string | null)[], clock: Clock, choices: ImportChoices = {}): Promise<ImportPlan> {
  checkMapping(kind, file, mapping);
  const sheet = withChoices(file, choices.cells);
  return (await runSliced(planSteps(db, kind, sheet, mapping, clock.today(), choices))).planned.plan;
}

/**
 * Plans (in slices, against the data as it is when planning starts), refuses any problem
 * (unless skipInvalid), backs up (only when something will be written) and writes in one
 * IMMEDIATE transaction: all rows or none. If anything was written since planning started
 * (during the slices or the backup), the plan is made again inside that transaction, so
 * exactly what is written was planned against the data it is written over.
 */
export async function runImport(db: Db, kind: ImportKind, file: SheetData, mapping: (string | null)[], skipInvalid: boolean, clock: Clock, backup: () => Promise<BackupInfo>, choices: ImportChoices = {}): Promise<ImportResult> {
  checkMapping(kind, file, mapping);
  const sheet = withChoices(file, choices.cells);
  // The stamp and the plan's first step (which reads the data) run in one synchronous stretch.
  const stamp = writeStamp(db);
  let planned = await runSliced(planSteps(db, kind, sheet, mapping, clock.today(), choices));
  refuseProblems(planned.planned.plan, skipInvalid);
  let info: BackupInfo | null = null;
  if (planned.planned.plan.add + planned.planned.plan.update > 0) {
    info = await backup();
    inTransaction(db, () => {
      if (writeStamp(db) !== stamp) {
        planned = runNow(planSteps(db, kind, sheet, mapping, clock.today(), choices));
        refuseProblems(planned.planned.plan, skipInvalid);
      }
      writePlan(db, planned, clock);
    });
  }
  const plan = planned.planned.plan;
  return { ...plan, skipped: new Set(plan.problems.map((p) => p.row)).size, backup: info };
}

/** Reads the upload, then lets waiting events (IPC, window) run before the synchronous checking starts. */
async function readAndYield(file: ImportFile, kind: ImportKind, sheetName: string | undefined): Promise<SheetData> {
  const sheet = await readSheet(file, kind, sheetName);
  await new Promise<void>((resolve) => setImmediate(resolve));
  return sheet;
}

export function createTransferHandlers(ctx: HandlerContext): TransferHandlers {
  const { backupDir, clock } = ctx;
  const now = () => clock.now();
  return {
    'import.preview': async ({ kind, file, sheet: sheetName }) => {
      const sheet = await readSheet(file, kind, sheetName);
      return {
        kind,
        format: sheet.format,
        detected: sheet.detected,
        headers: sheet.headers,
        headerRow: sheet.headerRow,
        rowCount: sheet.rows.length,
        sample: sheet.rows.slice(0, SAMPLE_ROWS),
        mapping: guessMapping(kind, sheet.headers, sheet.hidden),
        hidden: sheet.hidden,
        sheets: sheet.sheets,
        sheet: sheet.sheet,
        skipped: sheet.skipped,
      };
    },
    'import.check': async ({ kind, file, mapping, sheet, cells, keep }) => await checkImport(ctx.db, kind, await readAndYield(file, kind, sheet), mapping, clock, { cells, keep }),
    'import.run': async ({ kind, file, mapping, skipInvalid, sheet, cells, keep }) =>
      runImport(ctx.db, kind, await readAndYield(file, kind, sheet), mapping, skipInvalid, clock, () => backupDatabase(ctx.db, backupDir, 'before-import', now()), { cells, keep }),
    'export.file': ({ what, format }) => exportFile(ctx.db, what, format, now()),
    'export.all': () => exportJsonFile(exportJson(ctx.db, now()), now()),
    'import.all': async ({ file, dryRun }) => {
      const bytes = decodeFile(file);
      const data = parseJsonExport(bytes.toString('utf8'), file.name);
      const tables = checkJsonImport(ctx.db, data, file.name);
      const summary = Object.entries(tables).map(([name, t]) => ({ name, rows: t.rows.length }));
      if (dryRun) {
        tryJsonImport(ctx.db, tables, file.name);
        return { schemaVersion: data.schemaVersion, tables: summary, backup: null };
      }
      const backup = await backupDatabase(ctx.db, backupDir, 'before-import', now());
      inTransaction(ctx.db, () => {
        checkJsonImport(ctx.db, data, file.name);
        loadJsonImport(ctx.db, tables, file.name);
      });
      return { schemaVersion: data.schemaVersion, tables: summary, backup };
    },
  };
}
