// Handlers for import and export. An import that writes first backs up the database
// (reason 'before-import'), then plans and writes inside one IMMEDIATE transaction, so a
// crash or a refused row leaves the data as it was.
import type { Handlers } from '../../shared/api/contract';
import type { ImportPlan, ImportResult } from '../../shared/api/transfer-api';
import { mappingProblem, type ImportKind } from '../../shared/domain/import-fields';
import { backupDatabase } from '../db/backup';
import { inTransaction, type Db } from '../db/open';
import { AppError } from '../errors';
import { planApplicationImport, writeApplicationImport } from '../transfer/applications-import';
import { exportFile, exportJsonFile } from '../transfer/export';
import { checkJsonImport, exportJson, loadJsonImport, parseJsonExport } from '../transfer/json-dump';
import { planProgramImport, writeProgramImport } from '../transfer/programs-import';
import { decodeFile, readSheet, type SheetData } from '../transfer/read-file';
import { guessMapping } from '../../shared/domain/import-fields';
import { defaultBackupDir } from './backup-handlers';

type TransferHandlers = Pick<Handlers, 'import.preview' | 'import.check' | 'import.run' | 'export.file' | 'export.all' | 'import.all'>;

interface TransferContext {
  db: Db;
  databasePath: string;
  backupDir?: string;
}

const SAMPLE_ROWS = 5;

function checkMapping(kind: ImportKind, sheet: SheetData, mapping: (string | null)[]): void {
  if (mapping.length !== sheet.headers.length) {
    throw new AppError('invalid_input', `The mapping has ${mapping.length} columns but the file has ${sheet.headers.length}; choose the file again.`);
  }
  const problem = mappingProblem(kind, mapping);
  if (problem) throw new AppError('invalid_input', problem);
}

/** Plans (and with write, writes) an import; the plan is made inside the transaction it is written in. */
export function planImport(db: Db, kind: ImportKind, sheet: SheetData, mapping: (string | null)[], now: Date, write?: { skipInvalid: boolean }): ImportPlan {
  checkMapping(kind, sheet, mapping);
  const today = now.toISOString().slice(0, 10);
  const run = () => {
    const planned = kind === 'programs' ? planProgramImport(db, sheet, mapping, today) : planApplicationImport(db, sheet, mapping, today);
    const { plan } = planned;
    if (write) {
      if (plan.problems.length > 0 && !write.skipInvalid) {
        const rows = new Set(plan.problems.map((p) => p.row)).size;
        const first = plan.problems[0]!;
        throw new AppError(
          'invalid_input',
          `${rows} row${rows === 1 ? ' has' : 's have'} problems, so nothing was imported. Row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.message} Fix the file, or choose to leave those rows out.`,
        );
      }
      if (plan.add + plan.update === 0) return plan;
      if (kind === 'programs') writeProgramImport(db, planned as ReturnType<typeof planProgramImport>, now);
      else writeApplicationImport(db, planned as ReturnType<typeof planApplicationImport>, now);
    }
    return plan;
  };
  return write ? inTransaction(db, run) : db.transaction(run)();
}

export function createTransferHandlers(ctx: TransferContext, now: () => Date): TransferHandlers {
  const backupDir = ctx.backupDir ?? defaultBackupDir(ctx.databasePath);
  const sheetName = (kind: ImportKind) => kind;
  return {
    'import.preview': async ({ kind, file }) => {
      const sheet = await readSheet(file, sheetName(kind));
      return {
        kind,
        format: sheet.format,
        detected: sheet.detected,
        headers: sheet.headers,
        headerRow: sheet.headerRow,
        rowCount: sheet.rows.length,
        sample: sheet.rows.slice(0, SAMPLE_ROWS),
        mapping: guessMapping(kind, sheet.headers),
      };
    },
    'import.check': async ({ kind, file, mapping }) => {
      const sheet = await readSheet(file, sheetName(kind));
      return planImport(ctx.db, kind, sheet, mapping, now());
    },
    'import.run': async ({ kind, file, mapping, skipInvalid }): Promise<ImportResult> => {
      const sheet = await readSheet(file, sheetName(kind));
      // Refuse a bad file or mapping before taking a backup.
      const dry = planImport(ctx.db, kind, sheet, mapping, now());
      if (dry.problems.length > 0 && !skipInvalid) planImport(ctx.db, kind, sheet, mapping, now(), { skipInvalid });
      const backup = dry.add + dry.update > 0 ? await backupDatabase(ctx.db, backupDir, 'before-import', now()) : null;
      const plan = planImport(ctx.db, kind, sheet, mapping, now(), { skipInvalid });
      return { ...plan, skipped: new Set(plan.problems.map((p) => p.row)).size, backup };
    },
    'export.file': ({ what, format }) => exportFile(ctx.db, what, format, now()),
    'export.all': () => exportJsonFile(exportJson(ctx.db, now()), now()),
    'import.all': async ({ file, dryRun }) => {
      const bytes = decodeFile(file);
      const data = parseJsonExport(bytes.toString('utf8'), file.name);
      const tables = checkJsonImport(ctx.db, data, file.name);
      const summary = Object.entries(tables).map(([name, t]) => ({ name, rows: t.rows.length }));
      if (dryRun) return { schemaVersion: data.schemaVersion, tables: summary, backup: null };
      const backup = await backupDatabase(ctx.db, backupDir, 'before-import', now());
      inTransaction(ctx.db, () => {
        checkJsonImport(ctx.db, data, file.name);
        loadJsonImport(ctx.db, tables, file.name);
      });
      return { schemaVersion: data.schemaVersion, tables: summary, backup };
    },
  };
}
