// Everything in one JSON file, and back. Generic over the tables of the database
// (electron/db/table-dump.ts reads and writes them), so tables added by later migrations
// round-trip without changes here.
//
// {
//   "format": "prelim-tracker-export", "formatVersion": 1, "appVersion", "schemaVersion",
//   "exportedAt", "tables": { "<name>": { "columns": [...], "rows": [[...], ...] } }
// }
// A BLOB cell is written as { "$base64": "..." }.
import { z } from 'zod';
import { AppError } from '../errors';
import { MIGRATIONS } from '../db/migrations';
import { inTransaction, schemaVersion, type Db } from '../db/open';
import { checkDateColumns, dumpTables, nonEmptyTables, replaceAllTables, upgradeTables, type TableDump } from '../db/table-dump';
import { APP_VERSION } from '../version';
import { checkLoadedData } from './json-checks';

export const EXPORT_FORMAT = 'prelim-tracker-export' as const;
export const EXPORT_FORMAT_VERSION = 1;

export type { TableDump };

export interface JsonExport {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  exportedAt: string;
  tables: Record<string, TableDump>;
}

export function exportJson(db: Db, now: Date): JsonExport {
  return db.transaction(() => ({
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    appVersion: APP_VERSION,
    schemaVersion: schemaVersion(db),
    exportedAt: now.toISOString(),
    tables: dumpTables(db),
  }))();
}

const cellSchema = z.union([z.string(), z.number(), z.null(), z.object({ $base64: z.string() }).strict()]);
const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { message: 'This JSON file is not a Prelim Tracker export (use a file made with "Export everything").' }),
  formatVersion: z.number().int(),
  appVersion: z.string(),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  tables: z.record(z.string(), z.object({ columns: z.array(z.string()).min(1), rows: z.array(z.array(cellSchema)) })),
});

/** Parses and checks a JSON export; refuses a file from a newer version. */
export function parseJsonExport(text: string, fileName: string): JsonExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('invalid_input', `${fileName} is not valid JSON. Choose a file made with "Export everything" (prelim-tracker-….json).`);
  }
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw new AppError('invalid_input', issue.code === 'invalid_value' && issue.path[0] === 'format' ? issue.message : `${fileName} is not a complete Prelim Tracker export${where}: ${issue.message}. Export it again.`);
  }
  const data = parsed.data as JsonExport;
  // A key such as "__proto__" survives JSON.parse but not the parsed copy: every table the file names must be one read.
  const named = Object.keys((raw as { tables: object }).tables);
  const odd = named.find((t) => !Object.prototype.hasOwnProperty.call(data.tables, t));
  if (odd !== undefined) throw new AppError('invalid_input', `${fileName} has a table "${odd.slice(0, 60)}" this version of Prelim Tracker does not know. Nothing was changed.`);
  if (data.formatVersion > EXPORT_FORMAT_VERSION) {
    throw new AppError('invalid_input', `${fileName} was written in a newer export format (${data.formatVersion}). Update Prelim Tracker to import it; nothing was changed.`);
  }
  return data;
}

/**
 * The tables of an export brought to this version's schema: an export from an older version
 * is loaded into a scratch in-memory database of its version and migrated like a database would be.
 */
export function upgradeExport(data: JsonExport, fileName: string): Record<string, TableDump> {
  const current = MIGRATIONS.reduce((m, x) => Math.max(m, x.version), 0);
  if (data.schemaVersion > current) {
    throw new AppError(
      'invalid_input',
      `${fileName} was exported by a newer version of Prelim Tracker (schema ${data.schemaVersion}; this version knows up to ${current}). Update Prelim Tracker to import it; nothing was changed.`,
    );
  }
  if (data.schemaVersion === current) return data.tables;
  return upgradeTables(data.tables, data.schemaVersion, fileName);
}

/** Checks an export can be loaded here; returns the rows per table. Writes nothing. */
export function checkJsonImport(db: Db, data: JsonExport, fileName: string): Record<string, TableDump> {
  const tables = upgradeExport(data, fileName);
  const busy = nonEmptyTables(db);
  if (busy.length > 0) {
    throw new AppError(
      'conflict',
      `A full export can only be loaded into an empty database, and this one already has data (${busy.join(', ')}). To replace your data with the export, start with a new data folder, or restore a backup instead. Nothing was changed.`,
    );
  }
  return tables;
}

/** Loads the tables into db (call inside a transaction): the rows a new database starts with are replaced. */
export function loadJsonImport(db: Db, tables: Record<string, TableDump>, fileName: string): void {
  replaceAllTables(db, tables, fileName);
  checkDateColumns(db, fileName);
  // SQLite saw each row alone; the app's own rules see the data as the screens read it.
  checkLoadedData(db, fileName);
}

/** Loads the tables in a transaction that is always rolled back: a dry run finds what the real import would refuse. */
export function tryJsonImport(db: Db, tables: Record<string, TableDump>, fileName: string): void {
  const rollBack = new Error('dry run');
  try {
    inTransaction(db, () => {
      loadJsonImport(db, tables, fileName);
      throw rollBack;
    });
  } catch (err) {
    if (err !== rollBack) throw err;
  }
}
