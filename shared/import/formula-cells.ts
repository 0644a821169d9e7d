// Formula neutralisation, read back (issue 11; OWASP "CSV Injection"): our exports put an
// apostrophe before a cell that starts with = + - @ (or a tab or carriage return), so a
// spreadsheet shows it as text instead of running it. Reading such a cell back gives the
// text as it was. A cell starting with a tab before one of those characters (the other
// common neutralisation) is read the same way.

const NEUTRALISED = /^(?:'|\t)(?=[=+\-@\t\r])/;

/** "'=HYPERLINK(...)" -> "=HYPERLINK(...)"; every other cell unchanged. */
export function unneutraliseCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * What the exports write for a text cell (OWASP "CSV Injection": a cell that begins with
 * = + - @, a tab or a carriage return gets an apostrophe first, so a spreadsheet shows text
 * instead of running a formula). unneutraliseCell reads it back as the original text.
 */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
