// Reads the NRMP List of Unfilled Programs (docs/DOMAIN.md §5) from whatever the user pastes or
// imports: a CSV/TSV export with a header row, copied table rows, or plain lines like
// "1234440P0  Mercy Hospital  Springfield, OH  2". papaparse splits the rows (it guesses
// the delimiter); every row is then read by meaning: the NRMP code is found by its
// pattern wherever it is, the name is the header's name column or the longest text cell.
import Papa from 'papaparse';
import { GENERAL_SURGERY_SPECIALTY, NRMP_CODE_IN_TEXT, parseNrmpCode } from '../domain/nrmp';
import { findUsState } from '../domain/us-states';

export interface UnfilledListEntry {
  nrmpCode: string;
  /** Program or institution name as listed ('' when the line had only a code). */
  name: string;
  /** Two-letter state code, or ''. */
  state: string;
  city: string;
  /** Unfilled positions, when the list gives them. */
  positions: number | null;
  /** The line it came from (1-based), for messages. */
  line: number;
}

export interface UnfilledListIgnored {
  line: number;
  text: string;
  why: string;
}

export interface ParsedUnfilledList {
  /** General-surgery preliminary and categorical programs, one per code. */
  entries: UnfilledListEntry[];
  /** Rows with a code this tracker does not hold (other specialties, advanced/reserved tracks). */
  otherPrograms: UnfilledListIgnored[];
  /** Rows with no NRMP code at all (headers, titles, notes). */
  unreadable: UnfilledListIgnored[];
  /** Codes that appeared more than once (the first row is kept). */
  duplicates: string[];
}

const CODE_IN_TEXT = NRMP_CODE_IN_TEXT;

/** The example shown in the paste box (tests check it reads as two programs). */
export const UNFILLED_LIST_EXAMPLE = '1234440P0  Mercy General Hospital  Springfield, OH  2\n2345440C01, Lakeside Community Hospital, Toledo, OH, 1';

type Column = 'code' | 'name' | 'state' | 'city' | 'positions';

/** Header names seen in NRMP exports and spreadsheets people make of them. */
function columnOf(header: string): Column | null {
  const h = header.trim().toLowerCase();
  if (/code/.test(h)) return 'code';
  if (/unfilled|positions|openings|quota|vacanc|spots/.test(h)) return 'positions';
  if (/^state$|^st$/.test(h)) return 'state';
  if (/^city$/.test(h)) return 'city';
  if (/name|program|institution|hospital/.test(h)) return 'name';
  return null;
}

function asState(cell: string): string {
  const t = cell.trim();
  if (/^[A-Za-z]{2}$/.test(t) || t.length > 3) return findUsState(t)?.code ?? '';
  return '';
}

function asPositions(cell: string): number | null {
  const t = cell.trim();
  if (!/^\d{1,2}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 99 ? n : null;
}

/** "Springfield, OH" -> city and state. */
function cityState(cell: string): { city: string; state: string } | null {
  const m = /^\s*([A-Za-z .'-]+),\s*([A-Za-z]{2})\s*$/.exec(cell);
  if (!m) return null;
  const state = findUsState(m[2]!)?.code;
  return state ? { city: m[1]!.trim(), state } : null;
}

/**
 * Splits one line of a loose paste (the lines do not form one table) into cells, by the
 * line's own habit: tabs; else runs of 2+ spaces, " - " or " | " (columns aligned by
 * spaces, where "Springfield, OH" is one cell); else commas or semicolons (a line written
 * as CSV, quotes respected).
 */
function splitLoose(text: string): string[] {
  const aligned = /\t|\S {2,}\S|\s[-–|]\s/.test(text);
  const cells = aligned || !/[,;]/.test(text) ? text.split(/\s{2,}|\s+[-–|]\s+|\t/) : (Papa.parse<string[]>(text, { delimitersToGuess: [',', ';'] }).data[0] ?? [text]);
  return cells.map((s) => s.trim()).filter((s) => s !== '');
}

export function parseUnfilledList(text: string): ParsedUnfilledList {
  const clean = text.replace(/\r\n?/g, '\n').trim();
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', delimitersToGuess: ['\t', ',', ';', '|'] });
  let rows = parsed.data.map((r) => r.map((c) => (c ?? '').trim()));
  // A table has a header naming a code column, or the same number of cells on every row
  // with a code. Anything else is a loose paste ("Springfield, OH" must not split a row):
  // then each line is one cell, split loosely below.
  const codeRows = rows.filter((r) => CODE_IN_TEXT.test(r.join(' ')));
  const hasHeader = rows.some((r) => !CODE_IN_TEXT.test(r.join(' ')) && r.length > 1 && r.some((c) => columnOf(c) === 'code'));
  const widths = new Set(codeRows.map((r) => r.length));
  // Runs of spaces inside a cell mean columns aligned by spaces, not by the delimiter.
  const spaceAligned = codeRows.some((r) => r.some((c) => /\S {2,}\S/.test(c)));
  const tabular = hasHeader || (widths.size === 1 && !widths.has(1) && !spaceAligned);
  if (!tabular) rows = clean.split('\n').filter((l) => l.trim() !== '').map((l) => [l.trim()]);
  const out: ParsedUnfilledList = { entries: [], otherPrograms: [], unreadable: [], duplicates: [] };
  const seen = new Set<string>();
  let columns: (Column | null)[] | null = null;

  rows.forEach((row, i) => {
    const line = i + 1;
    const joined = row.join(' ').trim();
    const hasCode = CODE_IN_TEXT.test(joined);
    if (!hasCode) {
      // A header row names the columns of the rows after it.
      const cols = row.map(columnOf);
      if (row.length > 1 && cols.includes('code')) columns = cols;
      else if (joined !== '') out.unreadable.push({ line, text: joined.slice(0, 120), why: 'No NRMP program code (9 to 11 characters such as 1234440P0) on this line.' });
      return;
    }
    // One cell holding the whole line (plain text): split it loosely.
    const cells = row.length === 1 ? splitLoose(row[0]!) : row;
    const cols = row.length === 1 ? null : columns;

    let code = '';
    let name = '';
    let state = '';
    let city = '';
    let positions: number | null = null;
    const rest: string[] = [];
    /** A text cell just before a separate state cell ("Toledo", "OH") is the city. */
    let beforeState = '';
    let previousText = '';
    cells.forEach((cell, c) => {
      const col = cols?.[c] ?? null;
      const m = CODE_IN_TEXT.exec(cell);
      if (!code && m) {
        code = m[1]!.toUpperCase();
        const leftover = cell.replace(m[0], '').replace(/^[\s:–-]+|[\s:–-]+$/g, '');
        if (leftover) rest.push(leftover);
        return;
      }
      if (col === 'name') name = cell;
      else if (col === 'state') state = asState(cell);
      else if (col === 'city') city = cell;
      else if (col === 'positions') positions = asPositions(cell);
      else if (col === null) {
        const cs = cityState(cell);
        if (cs && !state) ({ city, state } = cs);
        else if (!state && asState(cell) && cell.trim().length === 2) {
          state = asState(cell);
          beforeState = previousText;
        } else if (positions === null && asPositions(cell) !== null) positions = asPositions(cell);
        else if (!/^\d+$/.test(cell)) {
          rest.push(cell);
          previousText = cell;
          return;
        }
      }
      previousText = '';
    });
    if (!city && beforeState && rest.filter((t) => t !== beforeState).length > 0) {
      city = beforeState;
      rest.splice(rest.indexOf(beforeState), 1);
    }
    if (!name) {
      // The longest text cell is the program name; "Surgery-Preliminary" style specialty cells are not.
      const candidates = rest.filter((t) => !/^(general\s+)?surgery([\s-]*(preliminary|categorical|prelim))?$/i.test(t));
      name = candidates.sort((a, b) => b.length - a.length)[0] ?? '';
    }
    name = name.replace(/\s+/g, ' ').slice(0, 160);

    const p = parseNrmpCode(code)!;
    if (p.specialty !== GENERAL_SURGERY_SPECIALTY || (p.track !== 'P' && p.track !== 'C')) {
      const what = p.specialty !== GENERAL_SURGERY_SPECIALTY ? `specialty ${p.specialty}, not general surgery (440)` : `track ${p.track} (advanced or reserved)`;
      out.otherPrograms.push({ line, text: `${code} ${name}`.trim(), why: `Left out: ${what}; this tracker holds preliminary and categorical general-surgery programs.` });
      return;
    }
    if (seen.has(code)) {
      out.duplicates.push(code);
      return;
    }
    seen.add(code);
    out.entries.push({ nrmpCode: code, name, state, city, positions, line });
  });
  return out;
}
