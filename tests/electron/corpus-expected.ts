// The corpus of strangers' spreadsheets (tests/fixtures/corpus, a copy of the corpus the
// import issue came with) and its EXPECTED.md, read as tables, for the tests that import it.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportFile } from '../../shared/api/transfer-api';
import type { openTestServices } from './helpers';

export const CORPUS_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'corpus');
export const EXPECTED = fs.readFileSync(path.join(CORPUS_DIR, 'EXPECTED.md'), 'utf8');
export const fileOf = (name: string): ImportFile => ({ name, base64: fs.readFileSync(path.join(CORPUS_DIR, name)).toString('base64') });

export type Table = { headers: string[]; rows: string[][] };

export function tablesOf(text: string): Table[] {
  const out: Table[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|[-| ]+\|$/.test(lines[i + 1] ?? '')) continue;
    const cells = (l: string) => l.slice(1, -1).split('|').map((c) => c.trim());
    const t: Table = { headers: cells(lines[i]!), rows: [] };
    for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) t.rows.push(cells(lines[i]!));
    out.push(t);
  }
  return out;
}

/** The section of EXPECTED.md about one file. */
export function section(file: string): string {
  const start = EXPECTED.indexOf(`\`${file}\` —`);
  const next = EXPECTED.indexOf('\n## ', start + 1);
  return EXPECTED.slice(start, next < 0 ? undefined : next);
}

export const get = (t: Table, row: string[], name: RegExp): string | undefined => {
  const c = t.headers.findIndex((h) => name.test(h));
  return c < 0 ? undefined : row[c];
};

/** The corpus files of programs. */
export const PROGRAM_FILES = ['community-sheet.csv', 'freida-paste.tsv', 'excel-europe.csv', 'tracker.xlsx', 'google-export.csv', 'numbers-export.csv', 'messy-headers.xlsx'];

/** Imports a programs file with the guessed mapping (rows with problems left out). */
export async function importFile(call: ReturnType<typeof openTestServices>['call'], name: string) {
  const file = fileOf(name);
  const preview = await call('import.preview', { kind: 'programs', file });
  const plan = await call('import.check', { kind: 'programs', file, mapping: preview.mapping });
  const result = await call('import.run', { kind: 'programs', file, mapping: preview.mapping, skipInvalid: true });
  return { preview, plan, result };
}
