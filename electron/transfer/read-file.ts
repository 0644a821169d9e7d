// Reads an uploaded spreadsheet into a header row and data rows of strings, with the
// libraries (papaparse for CSV, exceljs for XLSX). Says in one sentence what to do when
// the file is empty, binary, an old .xls, too big, or not readable.
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { guessMapping, MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportKind } from '../../shared/domain/import-fields';
import type { ImportFile } from '../../shared/api/transfer-api';
import { AppError } from '../errors';
import { checkImportLimits } from './file-limits';
import { unneutraliseCell } from '../../shared/import/formula-cells';
import { runSliced, type Steps } from './slices';

export interface SheetData {
  format: 'csv' | 'xlsx';
  detected: string;
  /** Trimmed, runs of spaces and line breaks as one space; a repeated header gets " (2)", " (3)". */
  headers: string[];
  /** Columns hidden in the workbook (never guessed; shown as hidden in the preview). */
  hidden: boolean[];
  /** The workbook's sheets with data (one for CSV), and the one read. */
  sheets: string[];
  sheet: string;
  /** Lines left out that are not data: repeated header rows, footers such as "Total". */
  skipped: { row: number; why: string }[];
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
    const body = bom ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      encoding = bom ? 'UTF-8 with BOM' : 'UTF-8';
    } catch {
      ({ text, encoding } = decodeMixed(body, bom));
    }
  }
  text = repairMojibake(text);
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

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');
/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the WHATWG encoding index). Node's
 * TextDecoder without full ICU decodes "windows-1252" as ISO-8859-1, which turns €, –, „,
 * “ and ‰ into invisible control characters; the other 224 bytes are the same in both.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const cp1252 = { decode: (bytes: Uint8Array): string => latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) };

/**
 * A file that is not UTF-8 throughout: each line is read as UTF-8 when it is valid UTF-8,
 * else as Windows-1252 (Excel's "CSV" on Windows). A file pasted together from both reads
 * without mojibake; the encoding names the rows read as Windows-1252.
 */
function decodeMixed(body: Buffer, bom: boolean): { text: string; encoding: string } {
  const parts: string[] = [];
  const legacy: number[] = [];
  let utf8Lines = 0;
  let start = 0;
  let line = 1;
  while (start <= body.length) {
    let end = body.indexOf(0x0a, start);
    if (end < 0) end = body.length;
    const chunk = body.subarray(start, end);
    try {
      parts.push(utf8.decode(chunk));
      if (chunk.some((b) => b >= 0x80)) utf8Lines++;
    } catch {
      parts.push(cp1252.decode(chunk));
      legacy.push(line);
    }
    start = end + 1;
    line++;
  }
  const text = parts.join('\n');
  if (utf8Lines === 0) return { text, encoding: 'Windows-1252' };
  const rows = legacy.length <= 5 ? legacy.join(', ') : `${legacy.slice(0, 5).join(', ')} and ${legacy.length - 5} more`;
  return { text, encoding: `mixed encodings: UTF-8${bom ? ' with BOM' : ''}, lines ${rows} Windows-1252` };
}

/**
 * UTF-8 that was once read as Windows-1252 and saved again ("HÃ´pital" for "Hôpital"): such
 * a run of characters is turned back into the bytes it came from and read as UTF-8, when
 * that gives valid UTF-8.
 */
export function repairMojibake(text: string): string {
  if (!/[ÃÂÅÄÆ][\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2039\u203a\u20ac\u2122]/.test(text)) return text;
  const enc = new Map<string, number>();
  for (let b = 0x80; b < 0x100; b++) enc.set(cp1252.decode(Uint8Array.of(b)), b);
  return text.replace(/[\u00c2-\u00f4][\u0080-\uffff]{1,3}/g, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const b = enc.get(ch);
      if (b === undefined) return run;
      bytes.push(b);
    }
    try {
      return utf8.decode(Uint8Array.from(bytes));
    } catch {
      return run;
    }
  });
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'vertical bars' };

/** A turn of the event loop (small calls are answered), between the long steps of reading a file. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Characters papaparse reads per chunk, with a turn of the event loop between chunks (a few ms each). */
const CSV_CHUNK_CHARS = 128 * 1024;

/** Papa.parse of a whole text in chunks (its chunk, pause and resume API), giving the event loop a turn after each. */
function parseInChunks(text: string, config: Papa.ParseConfig<string[]>): Promise<{ data: string[][]; errors: Papa.ParseError[]; delimiter: string }> {
  return new Promise((resolve, reject) => {
    const data: string[][] = [];
    const errors: Papa.ParseError[] = [];
    let delimiter = config.delimiter as string | undefined;
    Papa.parse<string[]>(text, {
      ...config,
      chunkSize: CSV_CHUNK_CHARS,
      chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        // An error's row counts from the start of its chunk.
        for (const e of result.errors) errors.push(e.row === undefined ? e : { ...e, row: e.row + data.length });
        for (const row of result.data) data.push(row);
        delimiter ??= result.meta.delimiter;
        parser.pause();
        setImmediate(() => parser.resume());
      },
      complete: () => resolve({ data, errors, delimiter: delimiter ?? ',' }),
      error: (err: Error) => reject(err),
    });
  });
}

async function parseCsv(bytes: Buffer, name: string, kind: ImportKind): Promise<SheetData> {
  const decoded = decodeText(bytes, name);
  const { encoding } = decoded;
  let text = decoded.text;
  if (text.trim() === '') refuse(`${name} has no rows. Choose the file you exported from your spreadsheet.`);
  // Excel may start a CSV with "sep=;" to name its separator.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) text = text.slice(sep[0].length);
  await turn();
  const result = await parseInChunks(text, sep ? { delimiter: sep[1]!, skipEmptyLines: false } : { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: false });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    refuse(`${name}: a quoted cell is not closed (row ${(fatal.row ?? 0) + 1}). Open the file in a spreadsheet and export it again as CSV.`);
  }
  await turn();
  return runSliced(toSheetSteps(result.data, 'csv', `CSV separated by ${DELIMITER_NAMES[result.delimiter] ?? JSON.stringify(result.delimiter)}, ${encoding}`, name, kind, [], ['CSV'], 'CSV'));
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
    // A link's target is the value ("website" is only what the cell shows).
    if ('hyperlink' in v) return /^(https?:|mailto:)/i.test(String(v.hyperlink)) ? String(v.hyperlink).replace(/^mailto:/i, '') : typeof v.text === 'string' ? v.text : String(v.hyperlink);
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      return r === undefined || r === null || typeof r === 'object' ? '' : String(r as string | number | boolean);
    }
    if ('error' in v) return '';
  }
  return cell.text;
}

function worksheetRows(sheet: ExcelJS.Worksheet, name: string): { rows: string[][]; hidden: boolean[] } {
  if (sheet.rowCount > MAX_IMPORT_ROWS + 50) refuse(`${name} has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows in sheet "${sheet.name}"; import it in parts.`);
  const width = Math.min(sheet.columnCount, MAX_IMPORT_COLUMNS + 1);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const out: string[] = [];
    for (let c = 1; c <= width; c++) out.push(cellText(row.getCell(c)).trim());
    rows.push(out);
  }
  const hidden = Array.from({ length: width }, (_, c) => sheet.getColumn(c + 1).hidden === true);
  return { rows, hidden };
}

/**
 * The sheet to read: the one asked for, else the one whose header row names the most of
 * this kind's columns (a "Summary" sheet of totals names few), the first on a tie.
 */
async function parseXlsx(bytes: Buffer, name: string, kind: ImportKind, wanted: string | undefined): Promise<SheetData> {
  // Loaded on first use: exceljs costs ~20 MB of memory, and most sessions never read a workbook.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse(`${name} could not be read as an Excel workbook (.xlsx). Open it in Excel or Google Sheets and save or download it again as .xlsx or CSV.`);
  }
  const sheets = wb.worksheets.filter((ws) => ws.actualRowCount > 0 && ws.state !== 'veryHidden');
  if (sheets.length === 0) refuse(`${name} has no rows in any sheet. Choose the workbook with your ${kind}.`);
  const names = sheets.map((s) => s.name);
  let chosen: ExcelJS.Worksheet | undefined;
  if (wanted !== undefined) {
    chosen = sheets.find((s) => s.name === wanted);
    if (!chosen) refuse(`${name} has no sheet "${wanted}"; choose one of: ${names.join(', ')}.`);
  } else if (sheets.length === 1) chosen = sheets[0];
  else {
    let best = -1;
    for (const s of sheets) {
      const { rows } = worksheetRows(s, name);
      const score = headerScore(rows, kind) + (s.name.toLowerCase().includes(kind === 'programs' ? 'program' : 'appl') ? 0.5 : 0);
      if (score > best) {
        best = score;
        chosen = s;
      }
    }
  }
  const sheet = chosen!;
  const { rows, hidden } = worksheetRows(sheet, name);
  return runSliced(toSheetSteps(rows, 'xlsx', `Excel workbook, sheet "${sheet.name}"`, name, kind, hidden, names, sheet.name));
}

/** How many recognised headers the best header row (of the first 15 filled rows) has. */
function headerScore(all: string[][], kind: ImportKind): number {
  let best = 0;
  let seen = 0;
  for (const r of all) {
    if (r.every((c) => c.trim() === '')) continue;
    if (++seen > 15) break;
    best = Math.max(best, recognised(kind, r));
  }
  return best;
}

const recognised = (kind: ImportKind, r: string[]) => {
  const filled = r.map((c) => cleanHeader(c));
  // Distinct filled cells only: a merged title repeats one text across its cells.
  if (new Set(filled.filter((c) => c !== '')).size < 2) return 0;
  return guessMapping(kind, filled).filter((m) => m !== null).length;
};

/** A header as people read it: trimmed, runs of spaces and line breaks as one space. */
export function cleanHeader(h: string): string {
  return h.replace(/[\s\u00a0]+/g, ' ').trim();
}

const FOOTER = /^(sub ?)?totals?:?$|^sum:?$|^grand total:?$|^average:?$|^count:?$/i;

/**
 * The headers are the row (of the first 15 filled rows) that names the most known columns
 * (at least two), so title lines, a table name ("Table 1") or a subtitle above them are
 * left out; with none recognised, the first filled row. Trailing empty columns are dropped.
 * In steps (one per row, slices.ts), so a large file's rows are gone through in slices.
 */
function* toSheetSteps(all: string[][], format: SheetData['format'], detected: string, name: string, kind: ImportKind, hiddenCols: boolean[], sheets: string[], sheetName: string): Steps<SheetData> {
  const isBlank = (r: string[]) => r.every((c) => c.trim() === '');
  const firstRow = all.findIndex((r) => !isBlank(r));
  if (firstRow < 0) refuse(`${name} has no rows. Choose the file you exported from your spreadsheet.`);
  let headerIndex = firstRow;
  let best = 1;
  for (let i = firstRow, seen = 0; i < all.length && seen < 15; i++) {
    const r = all[i]!;
    if (isBlank(r)) continue;
    seen++;
    const score = recognised(kind, r);
    if (score > best) {
      best = score;
      headerIndex = i;
    }
  }
  let width = 0;
  for (const r of all) for (let c = r.length - 1; c >= width; c--) if (r[c]!.trim() !== '') width = c + 1;
  if (width > MAX_IMPORT_COLUMNS) refuse(`${name} has ${width} columns; keep at most ${MAX_IMPORT_COLUMNS} (remove columns you do not need).`);
  const rawHeaders = Array.from({ length: width }, (_, c) => cleanHeader(all[headerIndex]![c] ?? ''));
  // A header used twice names two columns: "Notes", "Notes (2)".
  const count = new Map<string, number>();
  const headers = rawHeaders.map((h) => {
    if (h === '') return h;
    const n = (count.get(h.toLowerCase()) ?? 0) + 1;
    count.set(h.toLowerCase(), n);
    return n === 1 ? h : `${h} (${n})`;
  });
  const headerKey = rawHeaders.join('\u0000').toLowerCase();
  const firstHeader = rawHeaders[0]!.toLowerCase();
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const skipped: SheetData['skipped'] = [];
  for (let i = headerIndex + 1; i < all.length; i++) {
    const r = all[i]!;
    // A row of the right width is trimmed in place (the parser's arrays are ours).
    const cells = r.length === width ? r : new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const cell = (r[c] ?? '').trim();
      // Only a cell starting with ' or a tab can be a neutralised formula.
      const first = cell.charCodeAt(0);
      cells[c] = first === 39 || first === 9 ? unneutraliseCell(cell) : cell;
    }
    // The header again (a second page pasted below the first), or a footer: not data.
    if (cells[0]!.toLowerCase() === firstHeader && cells.map((c) => cleanHeader(c)).join('\u0000').toLowerCase() === headerKey) {
      skipped.push({ row: i + 1, why: 'The header row again' });
      continue;
    }
    const first = cells.find((c) => c !== '');
    if (first !== undefined && FOOTER.test(first)) {
      skipped.push({ row: i + 1, why: `A footer ("${first}")` });
      continue;
    }
    rows.push(cells);
    rowNumbers.push(i + 1);
    yield;
  }
  while (rows.length > 0 && isBlank(rows[rows.length - 1]!)) {
    rows.pop();
    rowNumbers.pop();
  }
  if (rows.length > MAX_IMPORT_ROWS) refuse(`${name} has ${rows.length.toLocaleString('en-US')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} at a time.`);
  const hidden = headers.map((_, c) => hiddenCols[c] === true);
  return { format, detected, headers, hidden, sheets, sheet: sheetName, skipped, headerRow: headerIndex + 1, rows, rowNumbers };
}

/** Reads a CSV or XLSX upload (sheet: the workbook's sheet to read, else the one guessed for the kind). */
export async function readSheet(file: ImportFile, kind: ImportKind, sheet?: string): Promise<SheetData> {
  const preferSheet = kind;
  const bytes = decodeFile(file);
  await checkImportLimits(bytes, file.name); // content limits (rows, cells, zip bombs) before any parsing: file-limits.ts
  await turn();
  if (isZip(bytes)) return parseXlsx(bytes, file.name, kind, sheet);
  if (isOle(bytes)) refuse(`${file.name} is an old-style Excel file (.xls). Open it in Excel and save it as Excel Workbook (.xlsx) or CSV, then import that.`);
  if (/\.(xlsx|xlsm)$/i.test(file.name)) refuse(`${file.name} is named like an Excel workbook but is not one. Save it again from Excel or Google Sheets.`);
  if (/^\s*[[{]/.test(bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '')) && /\.json$/i.test(file.name)) {
    refuse(`${file.name} is a JSON file: to load a full export, use "Import everything from JSON" instead.`);
  }
  return parseCsv(bytes, file.name, preferSheet);
}
