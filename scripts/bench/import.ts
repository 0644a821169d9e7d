// The import benchmark: 5,000 programs as a CSV (the app's own export of sample data, all
// columns), imported into a fresh database: read + parse, check (plan with the editor's zod
// rules), write in one transaction, and the whole import.run through the dispatcher
// (backup included), twice: as the user meets it (the Import screen always runs import.check,
// the preview, with the same file, mapping and choices first; only import.run is timed, and
// the import.check before it is reported on its own line) and cold (import.run with no
// import.check before it: it reads, plans, backs up and writes). Next to them: a raw
// better-sqlite3 insert of the same rows (institution + program + unfilled rows, the same
// columns, prepared statements, one transaction) into a fresh database with the same schema
// and indexes, timed in turns with both. The target (issue 12) is judged on import.run as the
// user meets it: median within 1.5x of the raw insert's median.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openServices } from '../../electron/services';
import { openDatabase, inTransaction } from '../../electron/db/open';
import { createProgramsRepo, INSTITUTION_COLUMNS, PROGRAM_COLUMNS } from '../../electron/db/repos/programs-repo';
import { columnNames, toRow } from '../../electron/db/columns';
import { readSheet } from '../../electron/transfer/read-file';
import { planProgramImport, writeProgramImport } from '../../electron/transfer/programs-import';
import { guessMapping } from '../../shared/domain/import-fields';
import type { SampleInstitution } from '../../shared/sample/generate';
import { summarize, time, type Timing, type TimingOptions } from './stats';

/** Several timeInner()s run in turns, the order rotating each round (a b c, b c a, ...): the same load for all. */
async function timeInterleaved(fns: readonly (() => number | Promise<number>)[], options: TimingOptions): Promise<Timing[]> {
  const samples: number[][] = fns.map(() => []);
  for (let i = 0; i < options.warmups + options.runs; i++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (i + k) % fns.length;
      const ms = await fns[j]!();
      if (i >= options.warmups) samples[j]!.push(ms);
    }
  }
  return samples.map((s) => summarize(s, options.warmups));
}

/** Like time(), for callbacks that set up a fresh database and return the milliseconds of the measured part only. */
async function timeInner(fn: () => number | Promise<number>, options: TimingOptions): Promise<Timing> {
  for (let i = 0; i < options.warmups; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) samples.push(await fn());
  return summarize(samples, options.warmups);
}

/** import.run (as the user meets it) / raw insert, medians: issue 12's target. */
export const IMPORT_TARGET_RATIO = 1.5;

export interface ImportBench {
  rows: number;
  csvBytes: number;
  parse: Timing;
  check: Timing;
  write: Timing;
  /** import.check through the dispatcher (the preview the user waits on before pressing Import). */
  importCheck: Timing;
  /** import.run through the dispatcher right after import.check of the same inputs (the check not counted): what pressing Import costs. */
  importRun: Timing;
  /** import.run through the dispatcher with no import.check before it: read, plan, backup, write. */
  importRunCold: Timing;
  rawInsert: Timing;
  targetRatio: number;
  /** importRun median / rawInsert median <= targetRatio. */
  targetMet: boolean;
  ratioToRaw: number;
  coldRatioToRaw: number;
}

const NOW = new Date('2026-09-15T12:00:00Z');
const TODAY = '2026-09-15';

/** The app's own CSV export of these sample programs (written through a database in `dir`). */
export async function exportProgramsCsv(items: SampleInstitution[], dir: string): Promise<{ name: string; base64: string }> {
  const source = openServices({ databasePath: path.join(dir, 'export-source.db'), mode: 'browser', now: () => NOW });
  try {
    const repo = createProgramsRepo(source.db);
    source.db.transaction(() => {
      for (const item of items) repo.saveInstitution(item.institution, item.tracks, NOW);
    })();
    const exported = await source.dispatch('export.file', { what: 'programs', format: 'csv' });
    if (!exported.ok) throw new Error(exported.error.message);
    return { name: 'programs.csv', base64: (exported.value as { base64: string }).base64 };
  } finally {
    source.close();
  }
}

export async function runImportBench(items: SampleInstitution[], programs: number, options: TimingOptions): Promise<ImportBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-bench-import-'));
  let n = 0;
  const freshPath = () => path.join(dir, `fresh-${n++}.db`);
  const cleanup = (file: string) => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  };
  try {
    // The CSV: the app's export of the sample programs.
    const file = await exportProgramsCsv(items, dir);
    const csvBytes = Buffer.from(file.base64, 'base64').length;

    const sheet = await readSheet(file, 'programs');
    if (sheet.rows.length !== programs) throw new Error(`The CSV has ${sheet.rows.length} rows, expected ${programs}.`);
    const mapping = guessMapping('programs', sheet.headers);
    const expectAdded = (added: number) => {
      if (added !== programs) throw new Error(`The import added ${added} programs, expected ${programs}.`);
    };

    const parse = await time(() => readSheet(file, 'programs'), options, (s) => s.rows.length === programs || (() => { throw new Error('parse'); })());

    const empty = openDatabase(freshPath());
    const check = await time(() => planProgramImport(empty, sheet, mapping, TODAY), options, (p) => expectAdded(p.plan.add));
    const planned = planProgramImport(empty, sheet, mapping, TODAY);
    empty.close();

    const write = await timeInner(
      () => {
        const file = freshPath();
        const db = openDatabase(file);
        const t0 = performance.now();
        inTransaction(db, () => writeProgramImport(db, planned, NOW));
        const ms = performance.now() - t0;
        db.close();
        cleanup(file);
        return ms;
      },
      options,
    );

    const importChecks: number[] = [];
    /** import.run through the dispatcher on a fresh database, after import.check of the same inputs when afterCheck. */
    const importRunOf = (afterCheck: boolean) => async () => {
      const f = freshPath();
      const services = openServices({ databasePath: f, mode: 'browser', now: () => NOW });
      if (afterCheck) {
        const c0 = performance.now();
        const checked = await services.dispatch('import.check', { kind: 'programs', file, mapping });
        importChecks.push(performance.now() - c0);
        if (!checked.ok) throw new Error(checked.error.message);
      }
      const t0 = performance.now();
      const r = await services.dispatch('import.run', { kind: 'programs', file, mapping });
      const ms = performance.now() - t0;
      services.close();
      cleanup(f);
      if (!r.ok) throw new Error(r.error.message);
      expectAdded((r.value as { add: number }).add);
      return ms;
    };

    const iCols = columnNames(INSTITUTION_COLUMNS);
    const pCols = columnNames(PROGRAM_COLUMNS);
    const rawInsertRun = () => {
      const f = freshPath();
      openDatabase(f).close(); // schema
      const db = new Database(f);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('temp_store = MEMORY'); // as the app's connection (db/open.ts)
      const insI = db.prepare(`INSERT INTO institution (${iCols.join(', ')}, created_at, updated_at) VALUES (${iCols.map((c) => `@${c}`).join(', ')}, @now, @now)`);
      const insP = db.prepare(`INSERT INTO program (institution_id, ${pCols.join(', ')}, on_list, created_at, updated_at) VALUES (@institution_id, ${pCols.map((c) => `@${c}`).join(', ')}, @on_list, @now, @now)`);
      const insU = db.prepare('INSERT INTO program_unfilled (program_id, match_year, unfilled) VALUES (?, ?, ?)');
      const now = NOW.toISOString();
      const t0 = performance.now();
      db.transaction(() => {
        for (const item of items) {
          const id = insI.run({ ...toRow(item.institution, INSTITUTION_COLUMNS), now }).lastInsertRowid;
          for (const t of item.tracks) {
            const pid = insP.run({ ...toRow(t, PROGRAM_COLUMNS), institution_id: id, on_list: 0, now }).lastInsertRowid;
            for (const u of t.unfilledHistory) insU.run(pid, u.year, u.unfilled);
          }
        }
      }).immediate();
      const ms = performance.now() - t0;
      db.close();
      cleanup(f);
      return ms;
    };
    // Interleaved (in turns, the order rotating) so that a busy moment on the machine slows
    // all alike and the ratios compare like with like.
    const [importRun, importRunCold, rawInsert] = await timeInterleaved([importRunOf(true), importRunOf(false), rawInsertRun], options) as [Timing, Timing, Timing];
    const importCheck = summarize(importChecks.slice(options.warmups), options.warmups);

    const ratioToRaw = importRun.medianMs / rawInsert.medianMs;
    return {
      rows: programs,
      csvBytes,
      parse,
      check,
      write,
      importCheck,
      importRun,
      importRunCold,
      rawInsert,
      targetRatio: IMPORT_TARGET_RATIO,
      targetMet: ratioToRaw <= IMPORT_TARGET_RATIO,
      ratioToRaw: Math.round(ratioToRaw * 100) / 100,
      coldRatioToRaw: Math.round((importRunCold.medianMs / rawInsert.medianMs) * 100) / 100,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
