// Reads an uploaded spreadsheet into a header row and data rows of strings, with the
// libraries (papaparse for CSV, exceljs for XLSX). Says in one sentence what to do when
// the file is empty, binary, an old .xls, too big, or not readable.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { guessMapping, MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportKind } from '../../shared/domain/import-fields';
import type { ImportFile } from '../../shared/api/transfer-api';
import { AppError } from '../errors';
import { checkImportLimits } from './file-limits';
import { unneutraliseCell } from '../../shared/import/formula-cells';

export interface SheetData {
  format: 'csv' | 'xlsx';
  detected: string;
  headers: string[];
  /** 1-based spreadsheet row of the headers. */
  headerRow: number;
  /** Data rows (each as long as headers), with their spreadsheet row numbers. */
  rows: string[][];
  rowNumbers: number[];
}

const MB = MAX_IMPORT_BYTES / (1024 * 1024);
const refuse = (message: string): never => {
  throw new AppError('invalid_input', message);
};

export function decodeFile(file: ImportFile): Buffer {
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) refuse(`The file is larger than ${MB} MB. Import at most ${MB} MB at a time: split the file or remove columns you do not need.`);
  if (bytes.length === 0) refuse(`${file.name} is empty. Choose the file you exported from your spreadsheet (CSV or XLSX).`);
  return bytes;
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer) => b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

const NOT_TEXT = (name: string) =>
  `${name} is not a spreadsheet we can read (it looks like binary data). In Excel or Google Sheets, save or download it as CSV or as Excel (.xlsx), then import that file.`;

/** Text of a CSV file: UTF-8 with or without BOM, UTF-16 with BOM (Excel "Unicode text"), else Windows-1252 (Excel's plain "CSV" on Windows). */
export function decodeText(bytes: Buffer, name: string): { text: string; encoding: string } {
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'UTF-16';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'UTF-16';
  } else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
      encoding = bom ? 'UTF-8 with BOM' : 'UTF-8';
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      encoding = 'Windows-1252';
    }
  }
  // Control characters other than tab and line breaks do not occur in spreadsheet text.
  const head = text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  if (control > 0 && control / Math.max(1, head.length) > 0.001) refuse(NOT_TEXT(name));
  return { text, encoding };
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'vertical bars' };

function parseCsv(bytes: Buffer, name: string, kind: ImportKind): SheetData {
  const decoded = decodeText(bytes, name);
  const { encoding } = decoded;
  let text = decoded.text;
  if (text.trim() === '') refuse(`${name} has no rows. Choose the file you exported from your spreadsheet.`);
  // Excel may start a CSV with "sep=;" to name its separator.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) text = text.slice(sep[0].length);
  const result = Papa.parse<string[]>(text, sep ? { delimiter: sep[1]!, skipEmptyLines: false } : { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: false });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    refuse(`${name}: a quoted cell is not closed (row ${(fatal.row ?? 0) + 1}). Open the file in a spreadsheet and export it again as CSV.`);
  }
  const delimiter = result.meta.delimiter;
  return toSheet(result.data, 'csv', `CSV separated by ${DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter)}, ${encoding}`, name, kind);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    const fmt = cell.numFmt ?? '';
    if (fmt.includes('%')) return `${Math.round(v * 100 * 1e6) / 1e6}%`;
    if (/[dy]/i.test(fmt) && !/\[/.test(fmt) && v > 1000 && v < 100000) {
      // A date cell exceljs left as a serial number.
      return new Date(Math.round((v - 25569) * 86400 * 1000)).toISOString().slice(0, 10);
    }
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : String(v.hyperlink);
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      return r === undefined || r === null || typeof r === 'object' ? '' : String(r as string | number | boolean);
    }
    if ('error' in v) return '';
  }
  return cell.text;
}

async function parseXlsx(bytes: Buffer, name: string, preferSheet: ImportKind): Promise<SheetData> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse(`${name} could not be read as an Excel workbook (.xlsx). Open it in Excel or Google Sheets and save or download it again as .xlsx or CSV.`);
  }
  const sheets = wb.worksheets.filter((ws) => ws.actualRowCount > 0);
  const ws = sheets.find((s) => s.name.toLowerCase() === preferSheet) ?? sheets[0];
  if (!ws) refuse(`${name} has no rows in any sheet. Choose the workbook with your ${preferSheet}.`);
  const sheet = ws!;
  if (sheet.rowCount > MAX_IMPORT_ROWS + 50) refuse(`${name} has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows; import it in parts.`);
  const width = Math.min(sheet.columnCount, MAX_IMPORT_COLUMNS + 1);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const out: string[] = [];
    for (let c = 1; c <= width; c++) out.push(cellText(row.getCell(c)).trim());
    rows.push(out);
  }
  return toSheet(rows, 'xlsx', `Excel workbook, sheet "${sheet.name}"`, name, preferSheet);
}

/**
 * The headers are the first non-empty row, unless it is a title line (one filled cell) above
 * a row with at least two recognised headers (within the first 10 rows). Trailing empty
 * columns are dropped.
 */
function toSheet(all: string[][], format: SheetData['format'], detected: string, name: string, kind: ImportKind): SheetData {
  const isBlank = (r: string[]) => r.every((c) => c.trim() === '');
  const firstRow = all.findIndex((r) => !isBlank(r));
  if (firstRow < 0) refuse(`${name} has no rows. Choose the file you exported from your spreadsheet.`);
  let headerIndex = firstRow;
  // Only title lines (one filled cell) are skipped.
  for (let i = firstRow, seen = 0; i < all.length && seen < 10; i++) {
    const r = all[i]!;
    if (isBlank(r)) continue;
    seen++;
    if (guessMapping(kind, r.map((c) => c.trim())).filter((m) => m !== null).length >= 2) {
      headerIndex = i;
      break;
    }
    if (r.filter((c) => c.trim() !== '').length > 1) break;
  }
  let width = 0;
  for (const r of all) for (let c = r.length - 1; c >= width; c--) if (r[c]!.trim() !== '') width = c + 1;
  if (width > MAX_IMPORT_COLUMNS) refuse(`${name} has ${width} columns; keep at most ${MAX_IMPORT_COLUMNS} (remove columns you do not need).`);
  const headers = Array.from({ length: width }, (_, c) => (all[headerIndex]![c] ?? '').trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < all.length; i++) {
    const r = all[i]!;
    // Trailing empty lines are not rows.
    // A row of the right width is trimmed in place (the parser's arrays are ours).
    const cells = r.length === width ? r : new Array<string>(width);
    for (let c = 0; c < width; c++) cells[c] = unneutraliseCell((r[c] ?? '').trim());
    rows.push(cells);
    rowNumbers.push(i + 1);
  }
  while (rows.length > 0 && isBlank(rows[rows.length - 1]!)) {
    rows.pop();
    rowNumbers.pop();
  }
  if (rows.length > MAX_IMPORT_ROWS) refuse(`${name} has ${rows.length.toLocaleString('en-US')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} at a time.`);
  return { format, detected, headers, headerRow: headerIndex + 1, rows, rowNumbers };
}

/** Reads a CSV or XLSX upload. preferSheet: the sheet name to take from a workbook when it has one ("programs"). */
export async function readSheet(file: ImportFile, preferSheet: ImportKind): Promise<SheetData> {
  const bytes = decodeFile(file);
  await checkImportLimits(bytes, file.name); // content limits (rows, cells, zip bombs) before any parsing: file-limits.ts
  if (isZip(bytes)) return parseXlsx(bytes, file.name, preferSheet);
  if (isOle(bytes)) refuse(`${file.name} is an old-style Excel file (.xls). Open it in Excel and save it as Excel Workbook (.xlsx) or CSV, then import that.`);
  if (/\.(xlsx|xlsm)$/i.test(file.name)) refuse(`${file.name} is named like an Excel workbook but is not one. Save it again from Excel or Google Sheets.`);
  if (/^\s*[[{]/.test(bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '')) && /\.json$/i.test(file.name)) {
    refuse(`${file.name} is a JSON file: to load a full export, use "Import everything from JSON" instead.`);
  }
  return parseCsv(bytes, file.name, preferSheet);
}
