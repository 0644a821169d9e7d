// Handlers for import and export. An import plans in slices (small calls are answered
// meanwhile), backs up the database (reason 'before-import') when it will write, then writes
// in one IMMEDIATE transaction, also in slices (the dispatcher holds other writes until it
// ends), so a crash, an error or a refused row leaves the data as it was. The dry run's plan
// is kept for the import.run of the same file, mapping and choices that follows it, and used
// when nothing was written since (the write stamp) and it is still the same day.
import { createHash } from 'node:crypto';
import type { Handlers } from '../../shared/api/contract';
import type { ImportFile, ImportPlan, ImportResult, transferApi } from '../../shared/api/transfer-api';
import type { BackupInfo } from '../../shared/api/backup-api';
import { guessMapping, IMPORT_FIELDS, mappingProblem, type ImportKind } from '../../shared/domain/import-fields';
import { backupDatabase } from '../db/backup';
import { inOpenTransaction, inTransaction, writeStamp, type Db } from '../db/open';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { planApplicationImport, writeApplicationImport } from '../transfer/applications-import';
import { exportFile, exportJsonFile } from '../transfer/export';
import { checkJsonImport, exportJson, loadJsonImport, parseJsonExport, tryJsonImport } from '../transfer/json-dump';
import { planProgramImportSteps, writeProgramImportSteps, type ProgramImportPlan } from '../transfer/programs-import';
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
function* planSteps(db: Db, kind: ImportKind, sheet: SheetData, mapping: (string | null)[], clock: Clock, choices: ImportChoices): Steps<Planned> {
  if (kind === 'programs') return { kind, planned: yield* planProgramImportSteps(db, sheet, mapping, clock.today(), { keep: choices.keep ?? [] }) };
  return { kind, planned: planApplicationImport(db, sheet, mapping, clock.today(), clock.timeZone(), choices.keep ?? []) };
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

/** A plan and the write stamp of the data it was made against (taken with its first step, which reads the data). */
export interface MadePlan {
  stamp: string;
  planned: Planned;
}

/**
 * Plans in slices (slices.ts), so small calls are answered meanwhile; the data it plans
 * against is read in one synchronous step, with the stamp, so it is one consistent view.
 */
export async function planImport(db: Db, kind: ImportKind, file: SheetData, mapping: (string | null)[], clock: Clock, choices: ImportChoices = {}): Promise<MadePlan> {
  checkMapping(kind, file, mapping);
  const sheet = withChoices(file, choices.cells);
  const stamp = writeStamp(db);
  return { stamp, planned: await runSliced(planSteps(db, kind, sheet, mapping, clock, choices)) };
}

/** The dry run (planImport's plan). */
export async function checkImport(db: Db, kind: ImportKind, file: SheetData, mapping: (string | null)[], clock: Clock, choices: ImportChoices = {}): Promise<ImportPlan> {
  return (await planImport(db, kind, file, mapping, clock, choices)).planned.planned.plan;
}

/**
 * What a plan depends on besides the data: the file as sent (a hash of it), the sheet, the
 * mapping, the choices and the day. Two calls with the same key and the same write stamp
 * plan the same.
 */
export function planKey(kind: ImportKind, file: ImportFile, sheet: string | undefined, mapping: readonly (string | null)[], choices: ImportChoices, today: string): string {
  const digest = createHash('sha256').update(file.name).update('\n').update(file.base64).digest('base64');
  return JSON.stringify([kind, digest, sheet ?? null, mapping, choices.cells ?? [], choices.keep ?? [], today]);
}

/** Where import.run gets its plan: the sheet (read only when needed), and the dry run's plan of the same inputs if there is one. */
export interface ImportSource {
  read: () => Promise<SheetData>;
  kept?: MadePlan | undefined;
}

function* writeSteps(db: Db, p: Planned, clock: Clock): Steps<void> {
  if (p.kind === 'programs') yield* writeProgramImportSteps(db, p.planned, clock.now());
  else writeApplicationImport(db, p.planned, clock.now(), clock.today());
}

/**
 * Plans (in slices, against the data as it is when planning starts), or takes the dry run's
 * plan when nothing was written since it was made, refuses any problem (unless
 * skipInvalid), backs up (only when something will be written) and writes in one IMMEDIATE
 * transaction held across slices (inOpenTransaction): all rows or none. If anything was
 * written since the plan's data was read (during the slices or the backup), the plan is
 * made again inside that transaction, so exactly what is written was planned against the
 * data it is written over. The caller keeps other writes out meanwhile (the dispatcher
 * runs write calls one at a time).
 */
export async function runImport(
  db: Db,
  kind: ImportKind,
  source: SheetData | ImportSource,
  mapping: (string | null)[],
  skipInvalid: boolean,
  clock: Clock,
  backup: () => Promise<BackupInfo>,
  choices: ImportChoices = {},
): Promise<ImportResult> {
  const { read, kept } = 'rows' in source ? { read: () => Promise.resolve(source), kept: undefined } : source;
  let sheet: SheetData | null = null;
  const readSheetOnce = async (): Promise<SheetData> => {
    if (!sheet) {
      const file = await read();
      checkMapping(kind, file, mapping);
      sheet = withChoices(file, choices.cells);
    }
    return sheet;
  };
  let made: MadePlan;
  if (kept && kept.stamp === writeStamp(db)) made = kept;
  else {
    const ready = await readSheetOnce();
    // The stamp and the plan's first step (which reads the data) run in one synchronous stretch.
    made = { stamp: writeStamp(db), planned: await runSliced(planSteps(db, kind, ready, mapping, clock, choices)) };
  }
  let planned = made.planned;
  refuseProblems(planned.planned.plan, skipInvalid);
  let info: BackupInfo | null = null;
  if (planned.planned.plan.add + planned.planned.plan.update > 0) {
    info = await backup();
    // Something written since planning: have the sheet at hand to plan again in the transaction.
    while (writeStamp(db) !== made.stamp && !sheet) await readSheetOnce();
    // From here to BEGIN, synchronous.
    const ready = sheet;
    await inOpenTransaction(db, async () => {
      if (writeStamp(db) !== made.stamp) {
        if (!ready) throw new Error('runImport: the sheet is not read, yet the data changed since planning.');
        planned = runNow(planSteps(db, kind, ready, mapping, clock, choices));
        refuseProblems(planned.planned.plan, skipInvalid);
      }
      await runSliced(writeSteps(db, planned, clock));
    });
  }
  const plan = planned.planned.plan;
  return { ...plan, skipped: new Set(plan.problems.map((p) => p.row)).size, backup: info };
}

/** The dry run's plan, kept for the import.run that follows it (one at a time; dropped when used, replaced or after KEEP_PLAN_MS). */
function planKeeper() {
  let kept: { key: string; made: MadePlan; timer: NodeJS.Timeout } | null = null;
  const drop = () => {
    if (kept) clearTimeout(kept.timer);
    kept = null;
  };
  return {
    keep(key: string, made: MadePlan): void {
      drop();
      const timer = setTimeout(drop, KEEP_PLAN_MS);
      timer.unref();
      kept = { key, made, timer };
    },
    /** The kept plan of this key (and drops it), if there is one. */
    take(key: string): MadePlan | undefined {
      const found = kept?.key === key ? kept.made : undefined;
      drop();
      return found;
    },
  };
}

/** How long a dry run's plan is kept for the import that follows it. */
const KEEP_PLAN_MS = 10 * 60 * 1000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads the upload (itself in steps), with turns of the event loop before and after, so waiting events (IPC, HTTP) run between the long steps. */
async function readAndYield(file: ImportFile, kind: ImportKind, sheetName: string | undefined): Promise<SheetData> {
  await turn();
  const sheet = await readSheet(file, kind, sheetName);
  await turn();
  return sheet;
}

export function createTransferHandlers(ctx: HandlerContext): TransferHandlers {
  const { backupDir, clock } = ctx;
  const now = () => clock.now();
  const plans = planKeeper();
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
    'import.check': async ({ kind, file, mapping, sheet, cells, keep }) => {
      await turn(); // after the request's parsing, before hashing the file
      const key = planKey(kind, file, sheet, mapping, { cells, keep }, clock.today());
      const made = await planImport(ctx.db, kind, await readAndYield(file, kind, sheet), mapping, clock, { cells, keep });
      plans.keep(key, made);
      return made.planned.planned.plan;
    },
    'import.run': async ({ kind, file, mapping, skipInvalid, sheet, cells, keep }) => {
      await turn(); // after the request's parsing, before hashing the file
      // The plan of the dry run just made with the same inputs, if nothing was written since (runImport checks the stamp).
      const kept = plans.take(planKey(kind, file, sheet, mapping, { cells, keep }, clock.today()));
      const source = { read: () => readAndYield(file, kind, sheet), kept };
      return runImport(ctx.db, kind, source, mapping, skipInvalid, clock, () => backupDatabase(ctx.db, backupDir, 'before-import', now()), { cells, keep });
    },
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
