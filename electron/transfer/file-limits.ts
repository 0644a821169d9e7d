// Import limits by content, not only by file size (issue 11): a 400 KB .xlsx can unzip to
// gigabytes. Before exceljs inflates anything, the workbook's zip central directory is read
// with JSZip, the zip reader exceljs itself uses (entry count, declared sizes, compression
// ratios, the shared-strings part), then the XML parts are inflated as a stream that stops at
// the first limit passed: no part may inflate to more than the directory declares (so a
// directory that lies is caught too), and the sheets' rows, cells and longest texts are
// measured as the bytes go by. A CSV's
// cells are bounded by a scan of the text. A file past a limit is refused with a message
// naming it, in well under a second; nothing is written.
import type JSZip from 'jszip';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../shared/domain/import-fields';
import { AppError } from '../errors';

/** Excel's own limit for the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Parts (files) inside a workbook: real ones have a few dozen. */
export const MAX_ZIP_ENTRIES = 2_000;
/** Everything in a workbook unzipped: far above a 20,000-row sheet, far below what hurts. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** The shared-strings part (every text cell's text, once). */
export const MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024;
/** How much one part may expand (real spreadsheet XML compresses about 5–20×). */
export const MAX_RATIO = 200;
/** Rows the sheets may hold in total (the import's limit plus room for title lines and blanks). */
export const MAX_SHEET_ROWS = MAX_IMPORT_ROWS + 1_000;
/** Cells the sheets may hold in total. */
export const MAX_SHEET_CELLS = (MAX_IMPORT_ROWS + 1_000) * MAX_IMPORT_COLUMNS;

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
const refuse = (message: string): never => {
  throw new AppError('invalid_input', message);
};

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Refuses an upload whose content is past the import's limits; resolves when it is within them. */
export async function checkImportLimits(bytes: Buffer, name: string): Promise<void> {
  if (isZip(bytes)) await checkWorkbook(bytes, name);
  else checkText(bytes, name);
}

/** A CSV: no run of text between separators or line ends longer than a cell may be. */
function checkText(bytes: Buffer, name: string): void {
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    // , ; tab | and line ends; in UTF-16 every other byte is 0, which ends runs too (a bound, not a parse).
    if (c === 0x2c || c === 0x3b || c === 0x09 || c === 0x7c || c === 0x0a || c === 0x0d || c === 0x00) run = 0;
    else if (++run > MAX_CELL_CHARS * 4) {
      refuse(`${name} has a cell longer than ${MAX_CELL_CHARS.toLocaleString('en-US')} characters (Excel's own limit). Check that it is the right file; nothing was imported.`);
    }
  }
}

interface ZipEntry {
  fileName: string;
  compressedSize: number;
  uncompressedSize: number;
}

const BOMB = (name: string, why: string) =>
  `${name} cannot be imported: ${why}. Real spreadsheets are far smaller; this looks like a damaged file or a "zip bomb". Open it in Excel or Google Sheets and save it again, or export a CSV; nothing was imported.`;

/** JSZip keeps each part's sizes from the zip directory on an internal field; read it without relying on more. */
function declaredSizes(f: JSZip.JSZipObject): { compressedSize: number; uncompressedSize: number } {
  const data = (f as unknown as { _data?: { compressedSize?: unknown; uncompressedSize?: unknown } })._data;
  const c = data?.compressedSize;
  const u = data?.uncompressedSize;
  return { compressedSize: typeof c === 'number' ? c : 0, uncompressedSize: typeof u === 'number' ? u : Number.MAX_SAFE_INTEGER };
}

async function checkWorkbook(bytes: Buffer, name: string): Promise<void> {
  let zip: JSZip;
  try {
    // Reads the central directory and local headers only; nothing is inflated here.
    // Loaded on first use, like exceljs (electron/transfer/read-file.ts).
    const { default: Zip } = await import('jszip');
    zip = await Zip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return refuse(`${name} could not be read as an Excel workbook (.xlsx). Open it in Excel or Google Sheets and save or download it again as .xlsx or CSV.`);
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > MAX_ZIP_ENTRIES) refuse(BOMB(name, `it holds ${files.length.toLocaleString('en-US')} parts (at most ${MAX_ZIP_ENTRIES.toLocaleString('en-US')})`));

  // 1. The directory alone: declared sizes and ratios, nothing inflated yet.
  const entries: ZipEntry[] = files.map((f) => ({ fileName: f.name, ...declaredSizes(f) }));
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > MAX_UNZIPPED_BYTES) refuse(BOMB(name, `it unzips to ${MB(total)} (at most ${MB(MAX_UNZIPPED_BYTES)})`));
  for (const e of entries) {
    if (/sharedStrings\.xml$/i.test(e.fileName) && e.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
      refuse(BOMB(name, `its text cells take ${MB(e.uncompressedSize)} (at most ${MB(MAX_SHARED_STRINGS_BYTES)})`));
    }
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > Math.max(1, e.compressedSize) * MAX_RATIO) {
      refuse(BOMB(name, `the part ${e.fileName} expands ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times`));
    }
  }

  // 2. The XML parts inflated as a stream, stopping at the first limit: a part may not inflate
  //    to more than its declared size (a directory that lies); rows, cells and the longest text
  //    of the sheets and shared strings are measured as the bytes go by.
  let rows = 0;
  let cells = 0;
  for (const f of files.filter((x) => /\.(xml|rels)$/i.test(x.name))) {
    const declared = declaredSizes(f).uncompressedSize;
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(f.name);
    const texts = sheet || /sharedStrings\.xml$/i.test(f.name);
    await new Promise<void>((resolve, reject) => {
      let seen = 0;
      let run = 0;
      let tail = '';
      let stopped = false;
      const stop = (err: Error) => {
        if (stopped) return;
        stopped = true;
        helper.pause();
        reject(err);
      };
      const helper = f.nodeStream('nodebuffer');
      helper
        .on('data', (chunk: Buffer) => {
          if (stopped) return;
          seen += chunk.length;
          if (seen > declared) return stop(new AppError('invalid_input', BOMB(name, `the part ${f.name} does not unzip to the size its directory declares`)));
          if (!texts) return;
          for (let i = 0; i < chunk.length; i++) {
            if (chunk[i] === 0x3c) run = 0; // '<': text between tags is at most one cell's
            else if (++run > MAX_CELL_CHARS * 4) {
              return stop(new AppError('invalid_input', `${name} has a cell longer than ${MAX_CELL_CHARS.toLocaleString('en-US')} characters (Excel's own limit). Check that it is the right file; nothing was imported.`));
            }
          }
          if (!sheet) return;
          const text = tail + chunk.toString('latin1');
          rows += count(text, '<row') - count(tail, '<row');
          cells += count(text, '<c ') + count(text, '<c>') - count(tail, '<c ') - count(tail, '<c>');
          tail = text.slice(-8);
          if (rows > MAX_SHEET_ROWS) stop(new AppError('invalid_input', `${name} has more than ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} at a time.`));
          else if (cells > MAX_SHEET_CELLS) stop(new AppError('invalid_input', `${name} has more than ${MAX_SHEET_CELLS.toLocaleString('en-US')} cells; remove columns or rows you do not need.`));
        })
        .on('error', (err: Error) => stop(err instanceof AppError ? err : new AppError('invalid_input', `${name} could not be read as an Excel workbook (.xlsx): a part is damaged. Save it again from Excel or Google Sheets.`)))
        .on('end', () => {
          if (!stopped) resolve();
        })
        .resume();
    });
  }
}

function count(text: string, what: string): number {
  let n = 0;
  for (let i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length)) n++;
  return n;
}
