// The import's write transaction held across event-loop turns (inOpenTransaction), the
// dispatcher running write calls one at a time meanwhile, and import.run reusing the dry
// run's plan only while nothing changed. Real SQLite files throughout.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatch';
import { planImport, planKey, runImport } from '../../electron/api/transfer-handlers';
import { fixedClock } from '../../electron/clock';
import { endedInRollback, inOpenTransaction, writeStamp } from '../../electron/db/open';
import { createProgramsRepo } from '../../electron/db/repos/programs-repo';
import { AppError } from '../../electron/errors';
import { runSliced, type Steps } from '../../electron/transfer/slices';
import { readSheet } from '../../electron/transfer/read-file';
import type { Handlers } from '../../shared/api/contract';
import type { BackupInfo } from '../../shared/api/backup-api';
import { guessMapping } from '../../shared/domain/import-fields';
import { institution, track } from '../fixtures';
import { dumpDb, fileOf, openTestServices } from './helpers';

const NOW = new Date('2026-11-25T12:00:00Z');
const noBackup = async (): Promise<BackupInfo> => ({ file: 'x.db', reason: 'before-import', createdAt: NOW.toISOString(), size: 0 });

/** A programs CSV of n rows (distinct names and NRMP codes). */
function programsCsv(n: number, first = 0) {
  const lines = ['Institution,NRMP code,Track,State,Min Step 2'];
  for (let i = first; i < first + n; i++) lines.push(`Hospital ${i},${String(1000 + i)}440P0,Preliminary,TX,${220 + (i % 20)}`);
  return fileOf('programs.csv', `${lines.join('\n')}\n`);
}

describe('inOpenTransaction', () => {
  it('commits what the work wrote across event-loop turns', async () => {
    const { db, call } = openTestServices();
    const repo = createProgramsRepo(db);
    function* work(): Steps<number> {
      for (let i = 0; i < 4; i++) {
        repo.saveInstitution(institution({ name: `Hospital ${i}` }), [track('preliminary', { nrmpCode: `${1000 + i}440P0` })], NOW);
        yield;
      }
      return 4;
    }
    expect(await inOpenTransaction(db, () => runSliced(work(), 0))).toBe(4);
    expect(db.inTransaction).toBe(false);
    expect(await call('programs.list')).toHaveLength(4);
  });

  it('an error thrown mid-way leaves no row, and no cache keyed by the write stamp keeps the rows a read saw meanwhile', async () => {
    const { db, call, raw } = openTestServices();
    await call('institutions.save', { institution: institution({ name: 'Kept Hospital' }), tracks: [track('preliminary', { nrmpCode: '9999440P0' })] });
    const before = dumpDb(db);
    const repo = createProgramsRepo(db);
    const stamps: string[] = [];
    let midway: Promise<unknown> | undefined;
    function* work(): Steps<void> {
      for (let i = 0; i < 6; i++) {
        repo.saveInstitution(institution({ name: `Hospital ${i}` }), [track('preliminary', { nrmpCode: `${1000 + i}440P0` })], NOW);
        stamps.push(writeStamp(db));
        // A read between two slices (the dashboard caches its answer by the write stamp).
        if (i === 5) setImmediate(() => (midway = raw('dashboard.summary').then((r) => (stamps.push(writeStamp(db)), r))));
        yield;
      }
      throw new AppError('invalid_input', 'Refused at the end.');
    }
    const failed = await inOpenTransaction(db, () => runSliced(work(), 0)).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(AppError);
    expect(endedInRollback(failed)).toBe(true);
    expect(db.inTransaction).toBe(false);
    const seen = (await midway) as { ok: true; value: { programCount: number } };
    // The read mid-way saw the rows of the open transaction…
    expect(seen.value.programCount).toBe(7);
    // …none of them is in the database now, and the stamp is one no read saw.
    expect(dumpDb(db)).toEqual(before);
    expect(stamps).not.toContain(writeStamp(db));
    expect((await call('dashboard.summary')).programCount).toBe(1);
  });

  it('refuses to start inside another transaction', async () => {
    const { db } = openTestServices();
    db.exec('BEGIN');
    await expect(inOpenTransaction(db, () => Promise.resolve(1))).rejects.toThrow(/already open/);
    db.exec('ROLLBACK');
  });
});

describe('the dispatcher runs write calls one at a time', () => {
  it('holds a write until the one before it has finished, answers reads meanwhile, and announces a rolled-back write', async () => {
    const { db } = openTestServices();
    const log: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const changes: string[][] = [];
    const handlers = {
      'backups.create': async () => {
        log.push('long write starts');
        await gate;
        log.push('long write ends');
        return {};
      },
      'settings.save': () => {
        log.push('second write runs');
        return {};
      },
      'settings.get': () => {
        log.push('read runs');
        return {};
      },
      'calendar.exportIcs': () =>
        inOpenTransaction(db, async () => {
          createProgramsRepo(db).saveInstitution(institution(), [track('preliminary')], NOW);
          await new Promise((r) => setImmediate(r));
          throw new AppError('invalid_input', 'No.');
        }),
    } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { onChange: (d) => changes.push(d) });
    const long = dispatch('backups.create', undefined);
    const second = dispatch('settings.save', { feesCombineTracks: true });
    const read = await dispatch('settings.get', undefined);
    expect(read.ok).toBe(true);
    expect(log).toEqual(['long write starts', 'read runs']);
    open();
    expect((await second).ok).toBe(true);
    expect((await long).ok).toBe(true);
    expect(log).toEqual(['long write starts', 'read runs', 'long write ends', 'second write runs']);

    // A failed write is not announced, unless it was rolled back after reads could see its rows.
    changes.length = 0;
    const refused = await dispatch('calendar.exportIcs', undefined);
    expect(refused.ok).toBe(false);
    const failedPlain = await dispatch('settings.save', { feesCombineTracks: 'no' });
    expect(failedPlain.ok).toBe(false);
    expect(changes).toEqual([['calendar']]);
    expect(createProgramsRepo(db).list()).toHaveLength(0);
  });

  it('a write issued while import.run runs waits for it, then succeeds; a read is answered before the import ends', async () => {
    const { call, raw } = openTestServices();
    const order: string[] = [];
    const importing = raw('import.run', { kind: 'programs', file: programsCsv(300), mapping: ['institution', 'nrmpCode', 'track', 'state', 'minStep2ck'] }).then((r) => (order.push('import'), r));
    const writing = raw('institutions.save', { institution: institution({ name: 'Added During Import' }), tracks: [track('preliminary', { nrmpCode: '9999440P0' })] }).then((r) => (order.push('write'), r));
    const reading = raw('profile.get').then((r) => (order.push('read'), r));
    const [imported, written, read] = await Promise.all([importing, writing, reading]);
    expect(imported).toMatchObject({ ok: true, value: { add: 300 } });
    expect(written.ok).toBe(true);
    expect(read.ok).toBe(true);
    expect(order).toEqual(['read', 'import', 'write']);
    expect(await call('programs.list')).toHaveLength(301);
  });
});

describe("import.run and the dry run's plan", () => {
  const mapping = ['institution', 'nrmpCode', 'track', 'state', 'minStep2ck'];

  it('uses the kept plan when nothing was written since it was made (the file is not read again)', async () => {
    const { db, call } = openTestServices();
    const file = programsCsv(20);
    const clock = fixedClock(NOW);
    const made = await planImport(db, 'programs', await readSheet(file, 'programs'), mapping, clock);
    let reads = 0;
    const read = () => {
      reads++;
      return readSheet(file, 'programs');
    };
    const result = await runImport(db, 'programs', { read, kept: made }, mapping, false, clock, noBackup);
    expect(result).toMatchObject({ add: 20, update: 0 });
    expect(reads).toBe(0);
    expect(await call('programs.list')).toHaveLength(20);
  });

  it('plans again when anything was written since the plan was made, so a stale plan is never written', async () => {
    const { db, call } = openTestServices();
    const file = fileOf('p.csv', 'Institution,NRMP code,Min Step 2\nLakeview Regional Medical Center,1234440P0,221\n');
    const clock = fixedClock(NOW);
    const made = await planImport(db, 'programs', await readSheet(file, 'programs'), ['institution', 'nrmpCode', 'minStep2ck'], clock);
    expect(made.planned.planned.plan).toMatchObject({ add: 1, update: 0 });
    // Someone adds the same program by hand after the dry run.
    await call('institutions.save', { institution: institution(), tracks: [track('preliminary')] });
    let reads = 0;
    const read = () => {
      reads++;
      return readSheet(file, 'programs');
    };
    const result = await runImport(db, 'programs', { read, kept: made }, ['institution', 'nrmpCode', 'minStep2ck'], false, clock, noBackup);
    expect(reads).toBe(1);
    expect(result).toMatchObject({ add: 0, update: 1 });
    const programs = await call('programs.list');
    expect(programs).toHaveLength(1);
    expect(programs[0]!.minStep2ck).toBe(221);
  });

  it('through the API: a write between import.check and import.run is seen; other choices or another day plan again', async () => {
    let now = NOW;
    const { call } = openTestServices(undefined, () => now);
    const file = fileOf('p.csv', 'Institution,NRMP code,Min Step 2\nLakeview Regional Medical Center,1234440P0,221\n');
    const input = { kind: 'programs' as const, file, mapping: ['institution', 'nrmpCode', 'minStep2ck'] };
    expect(await call('import.check', input)).toMatchObject({ add: 1 });
    await call('institutions.save', { institution: institution(), tracks: [track('preliminary', { minStep2ck: 230 })] });
    expect(await call('import.run', input)).toMatchObject({ add: 0, update: 1 });
    expect((await call('programs.list'))[0]!.minStep2ck).toBe(221);

    // The dry run keeps the app's value (keep); the run asks for the file's: the file's is written.
    const file2 = fileOf('p.csv', 'Institution,NRMP code,Min Step 2\nLakeview Regional Medical Center,1234440P0,235\n');
    const input2 = { ...input, file: file2 };
    expect(await call('import.check', { ...input2, keep: ['2:minStep2ck'] })).toMatchObject({ update: 0, unchanged: 1 });
    expect(await call('import.run', input2)).toMatchObject({ update: 1 });
    expect((await call('programs.list'))[0]!.minStep2ck).toBe(235);

    // The same inputs, the next day: planned again (and the same result).
    const file3 = fileOf('p.csv', 'Institution,NRMP code,Min Step 2\nLakeview Regional Medical Center,1234440P0,240\n');
    expect(await call('import.check', { ...input, file: file3 })).toMatchObject({ update: 1 });
    now = new Date('2026-11-26T12:00:00Z');
    expect(await call('import.run', { ...input, file: file3 })).toMatchObject({ update: 1 });
    expect((await call('programs.list'))[0]!.minStep2ck).toBe(240);
  });

  it('the plan key changes with the file, its name, the sheet, the mapping, the choices and the day', () => {
    const file = programsCsv(3);
    const key = (over: Partial<{ file: typeof file; sheet: string; mapping: (string | null)[]; cells: { row: number; col: number; raw: string }[]; keep: string[]; today: string }> = {}) =>
      planKey('programs', over.file ?? file, over.sheet, over.mapping ?? mapping, { cells: over.cells ?? [], keep: over.keep ?? [] }, over.today ?? '2026-11-25');
    const base = key();
    expect(key()).toBe(base);
    const others = [
      key({ file: programsCsv(3, 1) }),
      key({ file: { ...file, name: 'other.csv' } }),
      key({ sheet: 'Sheet2' }),
      key({ mapping: [...mapping.slice(0, 4), null] }),
      key({ cells: [{ row: 2, col: 4, raw: '230' }] }),
      key({ keep: ['2:minStep2ck'] }),
      key({ today: '2026-11-26' }),
      planKey('applications', file, undefined, mapping, {}, '2026-11-25'),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });
});

describe('guessMapping of the test file', () => {
  it('maps the five columns the tests use', async () => {
    const sheet = await readSheet(programsCsv(1), 'programs');
    expect(guessMapping('programs', sheet.headers)).toEqual(['institution', 'nrmpCode', 'track', 'state', 'minStep2ck']);
  });
});

describe('reading a large CSV in chunks', () => {
  it('reads cells that span two chunks (quoted, with line breaks and separators) exactly as one parse of the whole text would', async () => {
    const Papa = (await import('papaparse')).default;
    const lines = ['Institution,Notes,State'];
    // ~400 KB: several chunks; every row has a quoted note with a comma, a quote and a line break.
    for (let i = 0; i < 4000; i++) lines.push(`Hospital ${i},"Note ${i}, ""quoted""\nsecond line ${'x'.repeat(i % 70)}",TX`);
    const text = `${lines.join('\r\n')}\r\n`;
    const sheet = await readSheet(fileOf('big.csv', text), 'programs');
    const whole = Papa.parse<string[]>(text, { skipEmptyLines: false }).data.slice(1).filter((r) => r.length > 1);
    expect(sheet.rows).toHaveLength(4000);
    expect(sheet.rows).toEqual(whole.map((r) => r.map((c) => c.trim())));
    expect(sheet.detected).toMatch(/^CSV separated by commas/);
  });

  it('names the row of a quoted cell left open far into the file', async () => {
    const lines = ['Institution,State'];
    for (let i = 0; i < 9000; i++) lines.push(`Hospital ${i},TX`);
    lines.push('"Open quote,TX', 'Hospital last,TX');
    await expect(readSheet(fileOf('open.csv', lines.join('\n')), 'programs')).rejects.toThrow(/quoted cell is not closed \(row 9002\)/);
  });
});
