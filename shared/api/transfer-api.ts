// Import and export: programs and applications as CSV or XLSX, everything as one JSON file.
// Files travel as base64 in both directions (the renderer cannot give paths in browser mode).
import { z } from 'zod';
import { method, noInput } from './define';
import { ALL_DOMAINS } from './domains';
import type { BackupInfo } from './backup-api';
import { IMPORT_KINDS, MAX_IMPORT_BYTES, type ImportKind } from '../domain/import-fields';
import { trimText } from '../domain/bounds';

const MB = MAX_IMPORT_BYTES / (1024 * 1024);
/** base64 of MAX_IMPORT_BYTES bytes. */
const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

export const importFileSchema = z
  .object({
    name: z.string().overwrite(trimText).min(1, 'Give the file name.').max(255, 'Keep the file name under 255 characters.'),
    base64: z
      .string()
      .max(MAX_BASE64, `The file is larger than ${MB} MB. Import at most ${MB} MB at a time: split the file or remove columns you do not need.`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file content must be base64.'),
  })
  .strict();
export type ImportFile = z.input<typeof importFileSchema>;

const mappingSchema = z.array(z.string().min(1).max(40).nullable()).max(200, 'A file can have at most 200 columns.');
const sheetSchema = z.string().min(1).max(100).optional();
/** Where the user chose among the readings of an ambiguous cell: the cell's text replaced by the choice's. */
const cellChoiceSchema = z.object({ row: z.number().int().positive(), col: z.number().int().min(0).max(199), raw: z.string().max(200) }).strict();

const importRunSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    file: importFileSchema,
    /** For each column (by position) the field it holds, or null to ignore it. */
    mapping: mappingSchema,
    /** Import the rows without problems and leave out the others; otherwise any problem refuses the whole import. */
    skipInvalid: z.boolean().default(false),
    /** The workbook's sheet to read (else the one guessed). */
    sheet: sheetSchema,
    /** Choices made for ambiguous cells. */
    cells: z.array(cellChoiceSchema).max(5000).default([]),
    /** "row:field" pairs where a re-import keeps the app's value (the diff's "keep mine"). */
    keep: z.array(z.string().max(80)).max(20000).default([]),
  })
  .strict();

export interface ImportPreview {
  kind: ImportKind;
  format: 'csv' | 'xlsx';
  /** What was detected, in words: "CSV, separated by semicolons, UTF-8". */
  detected: string;
  headers: string[];
  /** The spreadsheet row of the headers (1-based): data rows follow it. */
  headerRow: number;
  rowCount: number;
  /** The first rows, to show under the mapping. */
  sample: string[][];
  /** The guessed field of each column (null = ignored). */
  mapping: (string | null)[];
  /** Columns hidden in the workbook (not guessed). */
  hidden: boolean[];
  /** The workbook's sheets with data, and the one read (CSV: one, "CSV"). */
  sheets: string[];
  sheet: string;
  /** Lines left out that are not data (a repeated header row, a "Total" footer). */
  skipped: { row: number; why: string }[];
}

export interface RowProblem {
  /** Spreadsheet row number (as Excel or Sheets numbers it). */
  row: number;
  /** The column header, when the problem is in one cell. */
  column: string | null;
  message: string;
  /** The column's position, when the problem is in one cell. */
  col?: number;
  /** For a cell that can be read two ways: the readings to choose from (sent back as cells). */
  choices?: { label: string; raw: string }[];
}

/** One field a re-import changes on an existing program: from the app's value to the file's. */
export interface FieldChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

export type RowAction = 'add' | 'update' | 'unchanged' | 'problem';

/** Records of another kind an import writes with its rows, by what happens to them. */
export interface RecordCounts {
  add: number;
  update: number;
}

export interface ImportPlan {
  kind: ImportKind;
  rowCount: number;
  add: number;
  update: number;
  unchanged: number;
  /** Empty rows, left out. */
  blank: number;
  problems: RowProblem[];
  /** The first rows with what happens to each (capped at 500). */
  rows: { row: number; action: RowAction; label: string; changes?: FieldChange[] }[];
  /** Problems in the file or mapping as a whole (refuses the import). */
  fileProblem: string | null;
  /** Applications: the invitations (inbox) and interviews the rows record (invite and interview dates, "II", "Waitlist"…). */
  records?: { invitations: RecordCounts; interviews: RecordCounts };
}

export interface ImportResult extends ImportPlan {
  /** Rows with problems that were left out (skipInvalid). */
  skipped: number;
  backup: BackupInfo | null;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export const EXPORT_WHATS = ['programs', 'applications', 'programs-template', 'applications-template'] as const;

export interface JsonImportResult {
  schemaVersion: number;
  tables: { name: string; rows: number }[];
  backup: BackupInfo | null;
}

export const transferApi = {
  /** Reads a CSV or XLSX file: its columns, a guessed mapping and the first rows. Writes nothing. */
  'import.preview': method<ImportPreview>()(z.object({ kind: z.enum(IMPORT_KINDS), file: importFileSchema, sheet: sheetSchema }).strict()),
  /** The dry run: what the import would add, update and leave alone, and every problem by row and column. Writes nothing. */
  'import.check': method<ImportPlan>()(importRunSchema),
  /** Backs up, then imports in one transaction (all rows or none). */
  'import.run': method<ImportResult>()(importRunSchema, { writes: ['programs', 'applications', 'interviews', 'backups'] }),
  /** A spreadsheet of programs or applications (with status history), or an empty template. */
  'export.file': method<ExportedFile>()(z.object({ what: z.enum(EXPORT_WHATS), format: z.enum(['csv', 'xlsx']) }).strict()),
  /** Every table of the database in one JSON file. */
  'export.all': method<ExportedFile>()(noInput),
  /** Loads a JSON export into an empty database (checks it first; dryRun only checks). */
  'import.all': method<JsonImportResult>()(z.object({ file: importFileSchema, dryRun: z.boolean().default(false) }).strict(), { writes: ALL_DOMAINS }),
};
