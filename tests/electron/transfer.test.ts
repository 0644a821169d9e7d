import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/db/backup';
import { openDatabase, schemaVersion } from '../../electron/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import type { ImportFile } from '../../shared/api/transfer-api';
import { PASTE_EXAMPLE } from '../../shared/import/paste-examples';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, fileOf, openTestServices, tempDir } from './helpers';


const HEADER = 'Program Name,NRMP Code,City,State,Track,J-1,H-1B,Min Step 2,IMG %,YOG,USCE,Notes';
const CSV = [
  HEADER,
  'Lakeview Regional Medical Center,1234440P0,Dayton,OH,Prelim,Yes,No,220,45%,5,Yes,"Calls back fast, friendly"',
  'Lakeview Regional Medical Center,1234440C0,Dayton,OH,Categorical,Yes,No,235,45%,5,Yes,',
  '"Hillside Hospital, Inc.",2345440P0,Toledo,Ohio,Preliminary,Yes,Yes,,30,2019,No,"Two lines:\nsecond line"',
].join('\r\n');

async function preview(call: ReturnType<typeof openTestServices>['call'], file: ImportFile, kind: 'programs' | 'applications' = 'programs') {
  return call('import.preview', { kind, file });
}

describe('importing programs from CSV', () => {
  it('guesses the mapping, shows a dry run, imports in one go and updates on a second import', async () => {
    const { call, db } = openTestServices();
    const file = fileOf('programs.csv', `\uFEFF${CSV}`);
    const p = await preview(call, file);
    expect(p.detected).toBe('CSV separated by commas, UTF-8 with BOM');
    expect(p.rowCount).toBe(3);
    expect(p.mapping).toEqual(['institution', 'nrmpCode', 'city', 'state', 'track', 'j1', 'h1b', 'minStep2ck', 'imgSharePct', 'maxYearsSinceGraduation', 'usceRequired', 'notes']);
    expect(p.sample[2]![0]).toBe('Hillside Hospital, Inc.');

    const before = dumpDb(db);
    const plan = await call('import.check', { kind: 'programs', file, mapping: p.mapping });
    expect(dumpDb(db)).toEqual(before);
    expect(plan).toMatchObject({ add: 3, update: 0, unchanged: 0, problems: [] });
    expect(plan.rows.map((r) => r.action)).toEqual(['add', 'add', 'add']);

    const result = await call('import.run', { kind: 'programs', file, mapping: p.mapping });
    expect(result).toMatchObject({ add: 3, skipped: 0 });
    expect(result.backup?.reason).toBe('before-import');
    const programs = await call('programs.list');
    expect(programs).toHaveLength(3);
    const hillside = programs.find((x) => x.institution.name === 'Hillside Hospital, Inc.')!;
    // A year in the YOG column is the earliest graduation year taken (a floor), not a count.
    expect(hillside).toMatchObject({ track: 'preliminary', nrmpCode: '2345440P0', minStep2ck: null, usceRequired: 'no', maxYearsSinceGraduation: null, minGraduationYear: 2019, notes: 'Two lines:\nsecond line' });
    expect(hillside.institution).toMatchObject({ state: 'OH', visaSponsorship: 'both', imgSharePct: 30 });
    const lakeview = programs.filter((x) => x.institution.name === 'Lakeview Regional Medical Center');
    expect(lakeview).toHaveLength(2);
    expect(lakeview[0]!.institutionId).toBe(lakeview[1]!.institutionId);
    expect(lakeview[0]!.institution).toMatchObject({ visaSponsorship: 'j1', imgSharePct: 45 });

    // The same file again: nothing new, nothing duplicated.
    const again = await call('import.check', { kind: 'programs', file, mapping: p.mapping });
    expect(again).toMatchObject({ add: 0, update: 0, unchanged: 3 });
    const same = dumpDb(db);
    const rerun = await call('import.run', { kind: 'programs', file, mapping: p.mapping });
    expect(rerun.backup).toBeNull();
    expect(dumpDb(db)).toEqual(same);

    // A changed cutoff updates the program it matches by NRMP code, even under a new name.
    const changed = CSV.replace('Dayton,OH,Prelim,Yes,No,220', 'Dayton,OH,Prelim,Yes,No,225');
    // The dry run says, per program, which field changes from what to what.
    const diff = await call('import.check', { kind: 'programs', file: fileOf('programs.csv', changed), mapping: p.mapping });
    expect(diff.rows.find((r) => r.action === 'update')).toEqual({ row: 2, action: 'update', label: 'Lakeview Regional Medical Center (Preliminary)', changes: [{ field: 'minStep2ck', label: 'Min Step 2 CK', from: '220', to: '225' }] });
    // "Keep mine": the app's value stays, so nothing changes.
    const kept = await call('import.check', { kind: 'programs', file: fileOf('programs.csv', changed), mapping: p.mapping, keep: ['2:minStep2ck'] });
    expect(kept).toMatchObject({ add: 0, update: 0, unchanged: 3 });
    const upd = await call('import.run', { kind: 'programs', file: fileOf('programs.csv', changed), mapping: p.mapping });
    expect(upd).toMatchObject({ add: 0, update: 1, unchanged: 2 });
    const after = await call('programs.list');
    expect(after).toHaveLength(3);
    expect(after.find((x) => x.nrmpCode === '1234440P0')!.minStep2ck).toBe(225);
  });

  it('the dry run counts blank rows, lists each row with its final action, and lists at most 500 rows', async () => {
    const { call } = openTestServices();
    const file = fileOf('programs.csv', CSV);
    const { mapping } = await preview(call, file);
    await call('import.run', { kind: 'programs', file, mapping });
    // Row 2 is as imported, but row 4 (same institution) changes its city: row 2 becomes an update too.
    const lines = CSV.split('\r\n');
    const edited = [lines[0], lines[1], ',,,,,,,,,,,', lines[2]!.replace('Dayton,OH', 'Kettering,OH'), lines[3], 'Nowhere Hospital,,,,,,,,,,,'].join('\r\n');
    const plan = await call('import.check', { kind: 'programs', file: fileOf('programs.csv', edited), mapping });
    expect(plan).toMatchObject({ rowCount: 5, add: 0, update: 2, unchanged: 1, blank: 1 });
    expect(plan.rows).toEqual([
      { row: 2, action: 'update', label: 'Lakeview Regional Medical Center (Preliminary)' },
      { row: 4, action: 'update', label: 'Lakeview Regional Medical Center (Categorical)', changes: [{ field: 'city', label: 'City', from: 'Dayton', to: 'Kettering' }] },
      { row: 5, action: 'unchanged', label: 'Hillside Hospital, Inc. (Preliminary)' },
      { row: 6, action: 'problem', label: 'Nowhere Hospital' },
    ]);
    expect(plan.problems).toEqual([{ row: 6, column: 'Track', message: expect.stringMatching(/Give the track/) }]);

    const many = [HEADER, ...Array.from({ length: 600 }, (_, i) => `Hospital ${i + 1},,,,Prelim,,,,,,,`)].join('\n');
    const big = await call('import.check', { kind: 'programs', file: fileOf('many.csv', many), mapping });
    expect(big).toMatchObject({ rowCount: 600, add: 600, problems: [] });
    expect(big.rows).toHaveLength(500);
    expect(big.rows[499]).toEqual({ row: 501, action: 'add', label: 'Hospital 500 (Preliminary)' });
  });

  it('matches by institution name and track when there is no NRMP code, and keeps what a blank cell leaves out', async () => {
    const { call } = openTestServices();
    await call('institutions.save', { institution: institution({ name: 'Riverbend Medical Center', pdName: 'Dr. Who' }), tracks: [track('preliminary', { nrmpCode: '', notes: 'mine' })] });
    const csv = 'Institution;Track;Step 2 CK cutoff;Notes\nriverbend medical center;Preliminary;230;\n';
    const file = fileOf('p.csv', csv);
    const p = await preview(call, file);
    expect(p.detected).toContain('semicolons');
    const r = await call('import.run', { kind: 'programs', file, mapping: p.mapping });
    expect(r).toMatchObject({ add: 0, update: 1 });
    const [prog] = await call('programs.list');
    expect(prog).toMatchObject({ minStep2ck: 230, notes: 'mine' });
    expect(prog!.institution).toMatchObject({ name: 'Riverbend Medical Center', pdName: 'Dr. Who' });
  });

  it('reads tab-separated text, Windows-1252 (Excel "CSV") and UTF-16 (Excel "Unicode text")', async () => {
    const { call } = openTestServices();
    const tsv = 'Institution\tTrack\tState\nHôpital Saint-Jean\tPreliminary\tNY\n';
    const t = await preview(call, fileOf('p.tsv', tsv));
    expect(t.detected).toContain('tabs');
    expect(t.sample[0]![0]).toBe('Hôpital Saint-Jean');
    const latin1 = Buffer.from('Institution,Track\nH\xf4pital Saint-Jean,Preliminary\n', 'latin1');
    const w = await preview(call, fileOf('p.csv', latin1));
    expect(w.detected).toContain('Windows-1252');
    expect(w.sample[0]![0]).toBe('Hôpital Saint-Jean');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    const u = await preview(call, fileOf('p.txt', utf16));
    expect(u.detected).toContain('UTF-16');
    expect(u.sample[0]).toEqual(['Hôpital Saint-Jean', 'Preliminary', 'NY']);
  });

  it('imports a Google Sheets export (LF line breaks, quoted headers, trailing empty columns)', async () => {
    const { call } = openTestServices();
    const csv = '"Program","NRMP Code","State","Visa","Min Step 2",,\n"Oak Valley Hospital","3456440P0","TX","J1, H1B","235",,\n\n';
    const file = fileOf('Sheet1.csv', csv);
    const p = await preview(call, file);
    expect(p.headers).toEqual(['Program', 'NRMP Code', 'State', 'Visa', 'Min Step 2']);
    const r = await call('import.run', { kind: 'programs', file, mapping: p.mapping });
    expect(r.add).toBe(1);
    const [prog] = await call('programs.list');
    expect(prog).toMatchObject({ track: 'preliminary', minStep2ck: 235 });
    expect(prog!.institution.visaSponsorship).toBe('both');
  });

  it('reads Excel\'s "sep=;" line and skips a title line above the headers', async () => {
    const { call } = openTestServices();
    const p = await preview(call, fileOf('p.csv', 'sep=;\r\nMy programs for 2027;;\r\n\r\nInstitution;State;Min Step 2\r\nA Hospital;OH;220\r\n'));
    expect(p.detected).toContain('semicolons');
    expect(p.headerRow).toBe(3);
    expect(p.headers).toEqual(['Institution', 'State', 'Min Step 2']);
    expect(p.rowCount).toBe(1);
    const plan = await call('import.check', { kind: 'programs', file: fileOf('p.csv', 'Title\nInstitution,Track\nA Hospital,Prelim\nB Hospital,Nope\n'), mapping: ['institution', 'track'] });
    expect(plan.problems).toEqual([{ row: 4, column: 'Track', col: 1, message: 'Write Preliminary, Categorical or Both (found "Nope").' }]);
  });
});

describe('cells our export neutralised (OWASP CSV injection: a leading apostrophe before = + - @)', () => {
  it('read back as the original text', async () => {
    const { call } = openTestServices();
    const csv = "Institution,Track,Notes\r\n'=Formula Hospital,Prelim,'@see PD\r\n'Plain Hospital,Prelim,'-2 spots\r\n";
    const file = fileOf('n.csv', csv);
    const p = await preview(call, file);
    expect(p.sample).toEqual([
      ['=Formula Hospital', 'Prelim', '@see PD'],
      ["'Plain Hospital", 'Prelim', '-2 spots'],
    ]);
    await call('import.run', { kind: 'programs', file, mapping: p.mapping });
    const names = (await call('programs.list')).map((x) => [x.institution.name, x.notes]).sort();
    expect(names).toEqual([
      ["'Plain Hospital", '-2 spots'],
      ['=Formula Hospital', '@see PD'],
    ]);
  });
});

describe('mixed encodings', () => {
  it('a file mixing UTF-8 and Windows-1252 lines reads without mojibake, and says which lines were Windows-1252; "HÃ´pital" is repaired', async () => {
    const { call } = openTestServices();
    const bytes = Buffer.concat([
      Buffer.from('Institution,Track,Notes\n', 'utf8'),
      Buffer.from('Hôpital Saint-Rémy,Prelim,UTF-8 line\n', 'utf8'),
      // Windows-1252: è = 0xE8, – = 0x96, € = 0x80.
      Buffer.from('Clinique Saint-Aur\xe8le,Prelim,Windows-1252 line ', 'latin1'),
      Buffer.from([0x96, 0x20, 0x80, 0x0a]),
      Buffer.from('HÃ´pital Sainte-Ã‰lodie,Prelim,once misread\n', 'utf8'),
    ]);
    const p = await preview(call, fileOf('mixed.csv', bytes));
    expect(p.detected).toMatch(/mixed encodings: UTF-8, lines 3 Windows-1252/);
    expect(p.sample.map((r) => r[0])).toEqual(['Hôpital Saint-Rémy', 'Clinique Saint-Aurèle', 'Hôpital Sainte-Élodie']);
    expect(p.sample[1]![2]).toBe('Windows-1252 line – €');
  });
});

describe('the paste box\'s example', () => {
  it('imports as it is: both tracks of one institution (two codes in one cell), a full state name, a cutoff of unstated kind; then an application', async () => {
    const { call } = openTestServices(undefined, () => new Date('2026-11-25T12:00:00Z'));
    const paste = (text: string) => fileOf('pasted table.txt', text);
    const p = await preview(call, paste(PASTE_EXAMPLE.programs));
    const r = await call('import.run', { kind: 'programs', file: paste(PASTE_EXAMPLE.programs), mapping: p.mapping });
    expect(r).toMatchObject({ add: 2, problems: [] });
    const programs = await call('programs.list');
    expect(programs.map((x) => [x.nrmpCode, x.track, x.institution.city, x.institution.state, x.minStep2ck, x.minStep2ckKindStated])).toEqual([
      ['1234440P0', 'preliminary', 'Dayton', 'OH', 220, false],
      ['1234440C0', 'categorical', 'Dayton', 'OH', 220, false],
    ]);
    const a = await preview(call, paste(PASTE_EXAMPLE.applications), 'applications');
    const ra = await call('import.run', { kind: 'applications', file: paste(PASTE_EXAMPLE.applications), mapping: a.mapping });
    expect(ra).toMatchObject({ add: 1, problems: [] });
  });
});

describe('importing programs from XLSX', () => {
  it('reads the first sheet with numbers, percent and date cells', async () => {
    const { call } = openTestServices();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Programs');
    ws.addRow(['Institution', 'NRMP Code', 'State', 'Min Step 2', 'IMG %', 'Last verified', 'H-1B']);
    ws.addRow(['Summit Health', '4567440P0', 'PA', 228, 0.4, new Date(Date.UTC(2026, 8, 1)), true]);
    ws.getCell('E2').numFmt = '0%';
    const file = fileOf('programs.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const p = await preview(call, file);
    expect(p.format).toBe('xlsx');
    expect(p.sample[0]).toEqual(['Summit Health', '4567440P0', 'PA', '228', '40%', '2026-09-01', 'Yes']);
    const r = await call('import.run', { kind: 'programs', file, mapping: p.mapping });
    expect(r.add).toBe(1);
    const [prog] = await call('programs.list');
    expect(prog!.institution).toMatchObject({ imgSharePct: 40, lastVerified: '2026-09-01', visaSponsorship: 'h1b' });
  });
});

describe('bad input changes nothing and says what to fix', () => {
  async function seeded() {
    const t = openTestServices();
    await t.call('profile.save', seedExampleProfile());
    await t.call('institutions.save', { institution: institution({ name: 'Existing Hospital' }), tracks: [track('preliminary', { nrmpCode: '9999440P0' })] });
    return t;
  }

  async function refused(file: ImportFile, mapping: (string | null)[] | null, message: RegExp) {
    const { raw, db } = await seeded();
    const before = dumpDb(db);
    let map = mapping;
    if (map === null) {
      const p = await raw('import.preview', { kind: 'programs', file });
      if (!p.ok) {
        expect(p.error.message).toMatch(message);
        expect(dumpDb(db)).toEqual(before);
        return;
      }
      map = (p.value as { mapping: (string | null)[] }).mapping;
    }
    const r = await raw('import.run', { kind: 'programs', file, mapping: map });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
    expect(dumpDb(db)).toEqual(before);
    expect(listBackups(path.join(path.dirname(db.name), 'backups'))).toHaveLength(0);
  }

  it('an empty file', () => refused(fileOf('empty.csv', ''), null, /empty\.csv is empty/));
  it('a file with only blank lines', () => refused(fileOf('blank.csv', '\r\n\r\n  \r\n'), null, /has no rows/));
  it('a binary file', () => refused(fileOf('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3, 0, 0, 0, 255, 254, 7, 8])), null, /not a spreadsheet we can read.*CSV/));
  it('an old .xls workbook', () => refused(fileOf('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), null, /old-style Excel file \(\.xls\)/));
  it('a broken .xlsx', () => refused(fileOf('broken.xlsx', Buffer.from('PK\x03\x04garbage', 'latin1')), null, /could not be read as an Excel workbook/));

  it('a 50 MB file', async () => {
    const { raw, db } = await seeded();
    const before = dumpDb(db);
    const big = fileOf('big.csv', Buffer.alloc(50 * 1024 * 1024, 'a'));
    for (const [method, input] of [
      ['import.preview', { kind: 'programs', file: big }],
      ['import.run', { kind: 'programs', file: big, mapping: ['institution'] }],
      ['import.all', { file: big }],
    ] as const) {
      const r = await raw(method, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!r.ok) expect(r.error.message).toMatch(/larger than 20 MB/);
    }
    expect(dumpDb(db)).toEqual(before);
  });

  it('a file with no recognisable columns', async () => {
    const file = fileOf('x.csv', 'Foo,Bar,Baz\n1,2,3\n');
    const { call } = openTestServices();
    expect((await preview(call, file)).mapping).toEqual([null, null, null]);
    await refused(file, [null, null, null], /No column is recognised/);
  });

  it('a mapping that uses a column twice or misses the institution', async () => {
    await refused(fileOf('x.csv', 'A,B\nx,y\n'), ['institution', 'institution'], /Two columns are set to "Institution"/);
    await refused(fileOf('x.csv', 'A,B\nx,y\n'), ['city', 'state'], /institution name or the NRMP code/);
    await refused(fileOf('x.csv', 'A,B\nx,y\n'), ['institution', 'status'], /The column "B" is set to "status", which is not something programs have/);
    await refused(fileOf('x.csv', 'A,B\nx,y\n'), ['institution'], /The mapping is for 1 column but the file has 2 columns; choose the file again/);
  });

  it('impossible values name the row, the column and what is wrong', async () => {
    const csv = ['Institution,Track,State,Min Step 2,IMG %', 'A Hospital,Preliminary,OH,900,30', 'B Hospital,Preliminary,Narnia,220,30', 'C Hospital,Preliminary,TX,220,150', 'D Hospital,Sometimes,TX,abc,30', 'E Hospital,Preliminary,TX,220,30'].join('\n');
    const file = fileOf('bad.csv', csv);
    const { call, db } = await seeded();
    const p = await preview(call, file);
    const plan = await call('import.check', { kind: 'programs', file, mapping: p.mapping });
    expect(plan.problems).toEqual([
      { row: 2, column: 'Min Step 2', message: 'A Step 2 CK minimum is between 1 and 300.' },
      { row: 3, column: 'State', col: 2, message: '"Narnia" is not a US state or territory; use its two-letter code (e.g. OH) or full name.' },
      { row: 4, column: 'IMG %', message: 'A percentage is between 0 and 100.' },
      { row: 5, column: 'Track', col: 1, message: 'Write Preliminary, Categorical or Both (found "Sometimes").' },
      { row: 5, column: 'Min Step 2', col: 3, message: 'Write the minimum score, e.g. 220, "230 strict" or "230 preferred"; "none" when the program has no cutoff (found "abc").' },
    ]);
    expect(plan).toMatchObject({ add: 1, update: 0 });
    expect(plan.rows.map((r) => r.action)).toEqual(['problem', 'problem', 'problem', 'problem', 'add']);
    await refused(file, p.mapping, /4 rows have problems, so nothing was imported\. Row 2, Min Step 2: A Step 2 CK minimum is between 1 and 300\./);

    // With "leave those rows out", only the good row is imported.
    const r = await call('import.run', { kind: 'programs', file, mapping: p.mapping, skipInvalid: true });
    expect(r).toMatchObject({ add: 1, skipped: 4 });
    expect((await call('programs.list')).map((x) => x.institution.name).sort()).toEqual(['E Hospital', 'Existing Hospital']);
    expect(dumpDb(db).program).toHaveLength(2);
  });

  it('an institution repeated on several rows is checked on each row, and a row that changes it is checked again', async () => {
    const csv = [
      'Institution,Track,Coordinator email,State',
      'A Hospital,Preliminary,not-an-email,OH',
      'A Hospital,Categorical,not-an-email,OH',
      'B Hospital,Preliminary,b@hospital.org,OH',
      'B Hospital,Categorical,b@hospital.org,Narnia',
    ].join('\n');
    const file = fileOf('repeat.csv', csv);
    const { call } = await seeded();
    const p = await preview(call, file);
    const plan = await call('import.check', { kind: 'programs', file, mapping: p.mapping });
    const email = 'Enter a valid email address, e.g. coordinator@hospital.org.';
    expect(plan.problems).toEqual([
      { row: 2, column: 'Coordinator email', message: email },
      { row: 3, column: 'Coordinator email', message: email },
      { row: 5, column: 'State', col: 3, message: '"Narnia" is not a US state or territory; use its two-letter code (e.g. OH) or full name.' },
    ]);
    expect(plan.rows.map((r) => r.action)).toEqual(['problem', 'problem', 'add', 'problem']);
  });

  it('NRMP codes repeated in the file, or used by another program', async () => {
    const csv = ['Institution,NRMP Code', 'A Hospital,1111440P0', 'B Hospital,1111440P0', 'C Hospital,9999440P0', 'D Hospital,1234440C0', 'D Hospital,1234440C0'].join('\n');
    const file = fileOf('dups.csv', csv);
    const { call } = await seeded();
    const p = await preview(call, file);
    const plan = await call('import.check', { kind: 'programs', file, mapping: p.mapping });
    expect(plan.problems.map((x) => [x.row, x.column, x.message])).toEqual([
      [2, 'NRMP Code', 'NRMP code 1111440P0 is also on row 3; each program has its own code.'],
      [3, 'NRMP Code', 'NRMP code 1111440P0 is also on row 2; each program has its own code.'],
      [4, 'NRMP Code', 'NRMP code 9999440P0 belongs to Existing Hospital (Preliminary), but this row says "C Hospital". Check the code, or write the institution name as it is in Prelim Tracker.'],
      [5, 'NRMP Code', 'NRMP code 1234440C0 is also on row 6; each program has its own code.'],
      [6, 'NRMP Code', 'NRMP code 1234440C0 is also on row 5; each program has its own code.'],
    ]);
    await refused(file, p.mapping, /5 rows have problems/);
  });

  it('every row sharing an NRMP code or ERAS ID is a problem, so leaving out problem rows imports none of them', async () => {
    const csv = [
      'Institution,NRMP Code,ERAS ID',
      'A Hospital,1111440P0,',
      'B Hospital,2222440P0,E1',
      'C Hospital,1111440P0,',
      'D Hospital,3333440P0,E1',
      'E Hospital,4444440P0,E2',
      'F Hospital,1111440P0,',
    ].join('\n');
    const file = fileOf('dups.csv', csv);
    const { call } = await seeded();
    const p = await preview(call, file);
    const plan = await call('import.check', { kind: 'programs', file, mapping: p.mapping });
    expect(plan.problems.map((x) => [x.row, x.column, x.message])).toEqual([
      [2, 'NRMP Code', 'NRMP code 1111440P0 is also on rows 4 and 7; each program has its own code.'],
      [3, 'ERAS ID', 'ERAS ID E1 is also on row 5; each program has its own ERAS ID.'],
      [4, 'NRMP Code', 'NRMP code 1111440P0 is also on rows 2 and 7; each program has its own code.'],
      [5, 'ERAS ID', 'ERAS ID E1 is also on row 3; each program has its own ERAS ID.'],
      [7, 'NRMP Code', 'NRMP code 1111440P0 is also on rows 2 and 4; each program has its own code.'],
    ]);
    expect(plan.rows.map((r) => r.action)).toEqual(['problem', 'problem', 'problem', 'problem', 'add', 'problem']);
    const result = await call('import.run', { kind: 'programs', file, mapping: p.mapping, skipInvalid: true });
    expect(result.skipped).toBe(5);
    const names = (await call('programs.list')).map((x) => x.institution.name).sort();
    expect(names).toEqual(['E Hospital', 'Existing Hospital']);
  });

  it('a row without a track or an institution', async () => {
    const file = fileOf('x.csv', 'Institution,NRMP code,City\nA Hospital,,Dayton\n,5555440P0,Dayton\n');
    const { call } = await seeded();
    const p = await preview(call, file);
    const plan = await call('import.check', { kind: 'programs', file, mapping: p.mapping });
    expect(plan.problems.map((x) => x.message)).toEqual([
      'Give the track (Preliminary, Categorical or Both), or an NRMP code whose 8th letter says it (P or C).',
      'No program has NRMP code 5555440P0 yet; to add it, give the institution name too.',
    ]);
  });
});

describe('importing applications', () => {
  it('finds programs by NRMP code or name + track, records the imported dates in the history, and updates on re-import', async () => {
    const { call, db } = openTestServices();
    await call('institutions.save', { institution: institution(), tracks: [track('preliminary'), track('categorical')] });
    await call('institutions.save', { institution: institution({ name: 'Hillside Hospital' }), tracks: [track('preliminary', { nrmpCode: '' })] });
    const csv = [
      'NRMP Code,Institution,Track,Status,Status date,Submitted on,Notes',
      '1234440P0,,,Interview invited,2026-10-20,2026-09-24,via ERAS',
      ',Hillside Hospital,Preliminary,Submitted,9/24/2026,,',
      '1234440C0,,,Considering,,,',
    ].join('\n');
    const file = fileOf('apps.csv', csv);
    const p = await preview(call, file, 'applications');
    expect(p.mapping).toEqual(['nrmpCode', 'institution', 'track', 'status', 'statusDate', 'submittedOn', 'notes']);
    const r = await call('import.run', { kind: 'applications', file, mapping: p.mapping });
    expect(r).toMatchObject({ add: 3, update: 0, problems: [] });
    const apps = await call('applications.list');
    const programs = await call('programs.list');
    const prelim = programs.find((x) => x.nrmpCode === '1234440P0')!;
    const invited = apps.find((a) => a.programId === prelim.id)!;
    expect(invited).toMatchObject({ status: 'interview_invited', statusDate: '2026-10-20', submittedOn: '2026-09-24', notes: 'via ERAS' });
    const history = await call('applications.history', { id: invited.id });
    expect(history.map((e) => [e.fromStatus, e.status, e.date])).toEqual([
      [null, 'submitted', '2026-09-24'],
      ['submitted', 'interview_invited', '2026-10-20'],
    ]);
    expect(apps.find((a) => a.status === 'considering')!.statusDate).toBe('2026-11-25');

    const same = dumpDb(db);
    expect(await call('import.check', { kind: 'applications', file, mapping: p.mapping })).toMatchObject({ add: 0, update: 0, unchanged: 3 });
    await call('import.run', { kind: 'applications', file, mapping: p.mapping });
    expect(dumpDb(db)).toEqual(same);

    const moved = csv.replace('Interview invited,2026-10-20', 'Interviewed,2026-11-10');
    expect(await call('import.run', { kind: 'applications', file: fileOf('apps.csv', moved), mapping: p.mapping })).toMatchObject({ update: 1, unchanged: 2 });
    expect((await call('applications.history', { id: invited.id })).map((e) => e.status)).toEqual(['submitted', 'interview_invited', 'interviewed']);
  });

  it('refuses unknown programs, unknown statuses and impossible moves, writing nothing', async () => {
    const { call, raw, db } = openTestServices();
    await call('institutions.save', { institution: institution(), tracks: [track('preliminary')] });
    const csv = ['NRMP Code,Status,Status date', '7777440P0,Submitted,2026-09-24', '1234440P0,Lost in the mail,2026-09-24', '1234440P0,Matched,2026-02-30'].join('\n');
    const file = fileOf('apps.csv', csv);
    const p = await preview(call, file, 'applications');
    const plan = await call('import.check', { kind: 'applications', file, mapping: p.mapping });
    expect(plan.problems.map((x) => [x.row, x.column])).toEqual([
      [2, 'NRMP Code'],
      [3, 'Status'],
      [4, 'Status date'],
      [4, null],
    ]);
    expect(plan.problems[0]!.message).toMatch(/No program has NRMP code 7777440P0/);
    const before = dumpDb(db);
    const r = await raw('import.run', { kind: 'applications', file, mapping: p.mapping });
    expect(r.ok).toBe(false);
    expect(dumpDb(db)).toEqual(before);
  });
});

describe('importing applications: dates that would break the history', () => {
  it('refuses a status dated before the last change or after today, and a changed "Submitted on", writing nothing', async () => {
    const { call, raw, db } = openTestServices();
    const codes = ['1111440P0', '2222440P0', '3333440P0', '4444440P0'];
    const programIds: number[] = [];
    for (const [i, code] of codes.entries()) {
      const saved = await call('institutions.save', { institution: institution({ name: `Hospital ${i}` }), tracks: [track('preliminary', { nrmpCode: code })] });
      programIds.push(saved.programs[0]!.id);
    }
    const { created } = await call('applications.create', { programIds: [programIds[0]!, programIds[3]!], status: 'submitted', date: '2026-09-24' });
    await call('applications.setStatus', { ids: [created[0]!.id], status: 'interview_invited', date: '2026-10-20' });
    const csv = [
      'NRMP Code,Status,Status date,Submitted on',
      '1111440P0,Interviewed,2026-10-15,',
      '2222440P0,Submitted,2031-05-05,',
      '3333440P0,Interview invited,2026-11-01,2031-05-05',
      '4444440P0,Submitted,2026-09-24,2026-09-20',
    ].join('\n');
    const file = fileOf('apps.csv', csv);
    const p = await preview(call, file, 'applications');
    const plan = await call('import.check', { kind: 'applications', file, mapping: p.mapping });
    const future = '2031-05-05 is after today (2026-11-25); a status records what has happened, so give today or an earlier day.';
    expect(plan.problems.map((x) => [x.row, x.column, x.message])).toEqual([
      [2, 'Status date', 'The last change was on 2026-10-20; choose that day or later.'],
      [3, 'Status date', future],
      [4, 'Submitted on', future],
      [5, 'Submitted on', 'It was submitted on 2026-09-24; an import cannot change that day (the history keeps it). Write 2026-09-24 or leave "Submitted on" empty.'],
    ]);
    const before = dumpDb(db);
    expect((await raw('import.run', { kind: 'applications', file, mapping: p.mapping })).ok).toBe(false);
    expect(dumpDb(db)).toEqual(before);
    expect(await call('import.run', { kind: 'applications', file, mapping: p.mapping, skipInvalid: true })).toMatchObject({ add: 0, update: 0, skipped: 4 });
    expect(dumpDb(db)).toEqual(before);

    // The same day as the last change is accepted and dated in the history.
    const ok = csv.replace('Interviewed,2026-10-15', 'Interviewed,2026-10-20');
    expect(await call('import.run', { kind: 'applications', file: fileOf('apps.csv', ok), mapping: p.mapping, skipInvalid: true })).toMatchObject({ update: 1, skipped: 3 });
    expect((await call('applications.history', { id: created[0]!.id })).map((e) => [e.status, e.date])).toEqual([
      ['submitted', '2026-09-24'],
      ['interview_invited', '2026-10-20'],
      ['interviewed', '2026-10-20'],
    ]);
  });

  it('an application not yet submitted that a row moves past Submitted gets a dated "Submitted" event on its submitted day', async () => {
    const { call, db } = openTestServices();
    const saved = await call('institutions.save', { institution: institution({ name: 'Hospital A' }), tracks: [track('preliminary', { nrmpCode: '1111440P0' })] });
    const saved2 = await call('institutions.save', { institution: institution({ name: 'Hospital B' }), tracks: [track('preliminary', { nrmpCode: '2222440P0' })] });
    const { created } = await call('applications.create', { programIds: [saved.programs[0]!.id, saved2.programs[0]!.id], date: '2026-09-01' });
    const csv = ['NRMP Code,Status,Status date,Submitted on', '1111440P0,Interview invited,2026-10-20,2026-09-24', '2222440P0,Interview invited,2026-10-20,2026-08-30'].join('\n');
    const file = fileOf('apps.csv', csv);
    const p = await preview(call, file, 'applications');
    const plan = await call('import.check', { kind: 'applications', file, mapping: p.mapping });
    expect(plan.problems.map((x) => [x.row, x.column, x.message])).toEqual([[3, 'Submitted on', 'The last change was on 2026-09-01; choose that day or later.']]);
    const before = dumpDb(db);
    expect(await call('import.run', { kind: 'applications', file, mapping: p.mapping, skipInvalid: true })).toMatchObject({ update: 1, skipped: 1 });
    expect((await call('applications.history', { id: created[0]!.id })).map((e) => [e.status, e.date, e.note])).toEqual([
      ['considering', '2026-09-01', ''],
      ['submitted', '2026-09-24', 'Imported'],
      ['interview_invited', '2026-10-20', 'Imported'],
    ]);
    expect((await call('applications.list')).find((a) => a.id === created[0]!.id)).toMatchObject({ status: 'interview_invited', submittedOn: '2026-09-24' });
    expect(dumpDb(db).application_event!.length).toBe((before.application_event!.length) + 2);
    // Imported again, nothing changes.
    expect(await call('import.check', { kind: 'applications', file, mapping: p.mapping })).toMatchObject({ update: 0, unchanged: 1 });
  });
});

describe('exporting', () => {
  async function withData() {
    const t = openTestServices();
    await t.call('profile.save', seedExampleProfile());
    const saved = await t.call('institutions.save', {
      institution: institution({ notes: 'Line one\nline two, with comma' }),
      tracks: [track('preliminary', { tags: ['safety', 'ohio'], unfilledHistory: [{ year: 2025, unfilled: 2 }] }), track('categorical')],
    });
    await t.call('institutions.save', { institution: institution({ name: 'Ünïcode Hospital', state: 'TX', visaSponsorship: 'both' }), tracks: [track('preliminary', { nrmpCode: '2222440P0', minStep2ck: null })] });
    const [app] = (await t.call('applications.create', { programIds: [saved.programs[0]!.id], status: 'submitted', date: '2026-09-24' })).created;
    await t.call('applications.setStatus', { ids: [app!.id], status: 'interview_invited', date: '2026-10-20', note: 'email' });
    await t.call('tiers.override', { programId: saved.programs[1]!.id, outcome: 'tier1', note: 'met the PD' });
    return t;
  }

  it('programs as CSV and XLSX import back unchanged', async () => {
    const { call, db } = await withData();
    const before = dumpDb(db);
    for (const format of ['csv', 'xlsx'] as const) {
      const out = await call('export.file', { what: 'programs', format });
      expect(out.fileName).toBe(`prelim-tracker-programs-2026-11-25.${format}`);
      const file = { name: out.fileName, base64: out.base64 };
      const p = await preview(call, file);
      expect(p.rowCount).toBe(3);
      expect(p.mapping.every((m) => m !== null)).toBe(true);
      expect(await call('import.check', { kind: 'programs', file, mapping: p.mapping })).toMatchObject({ add: 0, update: 0, unchanged: 3, problems: [] });
    }
    const csv = Buffer.from((await call('export.file', { what: 'programs', format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFFInstitution,Track,NRMP code,')).toBe(true);
    expect(csv).toContain(',6,,2025: 2,');
    expect(csv).toContain(',Yes,safety; ohio,');
    expect(dumpDb(db)).toEqual(before);
  });

  it('applications with their status history', async () => {
    const { call } = await withData();
    const csv = Buffer.from((await call('export.file', { what: 'applications', format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv).toContain('Lakeview Regional Medical Center,Preliminary,1234440P0,Interview invited,2026-10-20,2026-09-24,,2026-10-20,,2026-09-24 Submitted; 2026-10-20 Interview invited (email)');
    // Its invite date records the invitation the status was moved for by hand (the inbox had none);
    // after that it imports back as it is (the History column is not imported: it is the record of the changes).
    const first = await call('export.file', { what: 'applications', format: 'csv' });
    const firstFile = { name: first.fileName, base64: first.base64 };
    const firstPlan = await call('import.check', { kind: 'applications', file: firstFile, mapping: (await preview(call, firstFile, 'applications')).mapping });
    expect(firstPlan).toMatchObject({ add: 0, update: 1, problems: [], records: { invitations: { add: 1, update: 0 }, interviews: { add: 0, update: 0 } } });
    await call('import.run', { kind: 'applications', file: firstFile, mapping: (await preview(call, firstFile, 'applications')).mapping });
    expect((await call('invitations.list')).invitations.map((i) => [i.invitation.status, i.invitation.receivedAt.slice(0, 10)])).toEqual([['pending', '2026-10-20']]);
    for (const format of ['csv', 'xlsx'] as const) {
      const out = await call('export.file', { what: 'applications', format });
      const file = { name: out.fileName, base64: out.base64 };
      const p = await preview(call, file, 'applications');
      expect(p.mapping).toEqual(['institution', 'track', 'nrmpCode', 'status', 'statusDate', 'submittedOn', 'notes', 'inviteDate', 'interviewDate', null]);
      expect(await call('import.check', { kind: 'applications', file, mapping: p.mapping })).toMatchObject({ add: 0, update: 0, unchanged: 1, problems: [] });
    }
    const x = await call('export.file', { what: 'applications', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Applications', 'Status history']);
    expect(wb.getWorksheet('Status history')!.getRow(3).values).toEqual([undefined, 'Lakeview Regional Medical Center', 'Preliminary', '1234440P0', '2026-10-20', 'Submitted', 'Interview invited', 'email', '2026-11-25T12:00:00.000Z']);
  });

  it('templates have the import headers', async () => {
    const { call } = openTestServices();
    const t = await call('export.file', { what: 'programs-template', format: 'csv' });
    const text = Buffer.from(t.base64, 'base64').toString('utf8');
    const p = await preview(call, { name: t.fileName, base64: t.base64 });
    // One example row, and it imports as it is.
    expect(p.rowCount).toBe(1);
    expect(await call('import.check', { kind: 'programs', file: { name: t.fileName, base64: t.base64 }, mapping: p.mapping })).toMatchObject({ add: 1, problems: [] });
    expect(p.mapping.every((m) => m !== null)).toBe(true);
    expect(text).toContain('Min Step 2 CK');
    const x = await call('export.file', { what: 'applications-template', format: 'xlsx' });
    const px = await preview(call, { name: x.fileName, base64: x.base64 }, 'applications');
    expect(px.mapping).toEqual(['institution', 'track', 'nrmpCode', 'status', 'statusDate', 'submittedOn', 'notes', 'inviteDate', 'interviewDate']);
    expect(px.sheets).toEqual(['Applications', 'How to fill']);
  });

  it('everything as JSON loads into an empty database as exactly the same data', async () => {
    const { call, db } = await withData();
    await call('settings.save', { feesCombineTracks: true });
    await call('sample.load', { institutions: 3 });
    const out = await call('export.all');
    const json = JSON.parse(Buffer.from(out.base64, 'base64').toString('utf8')) as { schemaVersion: number; tables: Record<string, unknown> };
    expect(json.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(Object.keys(json.tables)).not.toContain('app_meta');

    const target = openTestServices(path.join(tempDir(), 'fresh.db'));
    const dry = await target.call('import.all', { file: { name: out.fileName, base64: out.base64 }, dryRun: true });
    expect(dry.tables.find((t) => t.name === 'program')!.rows).toBe(3 + dumpDb(db).program!.length - 3);
    expect(dumpDb(target.db).program).toHaveLength(0);
    const r = await target.call('import.all', { file: { name: out.fileName, base64: out.base64 } });
    expect(r.backup?.reason).toBe('before-import');
    expect(dumpDb(target.db)).toEqual(dumpDb(db));

    // A second time: the target is not empty any more.
    const again = await target.raw('import.all', { file: { name: out.fileName, base64: out.base64 } });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!again.ok) expect(again.error.message).toMatch(/only be loaded into an empty database.*institution/);
  });

  it('refuses a JSON export from a newer schema, a foreign JSON and broken rows, writing nothing', async () => {
    const { call } = await withData();
    const out = await call('export.all');
    const json = JSON.parse(Buffer.from(out.base64, 'base64').toString('utf8')) as { schemaVersion: number; tables: Record<string, { columns: string[]; rows: unknown[][] }> };
    const target = openTestServices(path.join(tempDir(), 'fresh.db'));
    const before = dumpDb(target.db);
    const attempt = async (content: string, message: RegExp) => {
      const r = await target.raw('import.all', { file: fileOf('x.json', content) });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
      expect(dumpDb(target.db)).toEqual(before);
    };
    await attempt(JSON.stringify({ ...json, schemaVersion: 99 }), /newer version of Prelim Tracker \(schema 99; this version knows up to \d+\)/);
    await attempt('{"hello": 1}', /not a Prelim Tracker export/);
    await attempt('not json', /not valid JSON/);
    await attempt(JSON.stringify({ ...json, tables: { ...json.tables, mystery: { columns: ['a'], rows: [[1]] } } }), /table "mystery" this version of Prelim Tracker does not know/);
    const orphan = structuredClone(json);
    orphan.tables.institution!.rows = [];
    await attempt(JSON.stringify(orphan), /point to missing rows of "institution"/);
    const badCheck = structuredClone(json);
    const col = badCheck.tables.program!.columns.indexOf('min_step2ck');
    badCheck.tables.program!.rows[0]![col] = 900;
    await attempt(JSON.stringify(badCheck), /row 1 of "program" cannot be loaded \(CHECK constraint failed/);
  });

  it('loads a JSON export from an older schema by migrating it', async () => {
    const { call, db } = await withData();
    const out = await call('export.all');
    const json = JSON.parse(Buffer.from(out.base64, 'base64').toString('utf8')) as { schemaVersion: number; tables: Record<string, unknown> };
    // What version 2 (before applications) would have exported: only the tables v2 had.
    const v2 = openDatabase(path.join(tempDir(), 'v2.db'), { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    const v2Tables = new Set(Object.keys(dumpDb(v2)));
    const v2Columns = new Map([...v2Tables].map((t) => [t, new Set((v2.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name))]));
    v2.close();
    const later = Object.keys(json.tables).filter((t) => !v2Tables.has(t));
    expect(later).toEqual(expect.arrayContaining(['application', 'application_event']));
    json.tables = Object.fromEntries(Object.entries(json.tables).filter(([t]) => v2Tables.has(t)));
    // ...and only the columns v2 had (later migrations added some).
    for (const [t, table] of Object.entries(json.tables) as [string, { columns: string[]; rows: unknown[][] }][]) {
      const keepCols = table.columns.map((c) => v2Columns.get(t)!.has(c));
      table.columns = table.columns.filter((_, i) => keepCols[i]);
      table.rows = table.rows.map((r) => r.filter((_, i) => keepCols[i]));
    }
    json.schemaVersion = 2;
    const target = openTestServices(path.join(tempDir(), 'fresh.db'));
    const fresh = dumpDb(openTestServices(path.join(tempDir(), 'empty.db')).db);
    await target.call('import.all', { file: fileOf('old.json', JSON.stringify(json)) });
    // The v2 tables hold what was exported; the later ones what the migrations create.
    const expected = dumpDb(db);
    for (const t of later) expected[t] = fresh[t]!;
    // Creating the applications had put the program on the list (on_list = 1): that stays, as exported.
    expect(dumpDb(target.db)).toEqual(expected);
    expect(schemaVersion(target.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(fs.existsSync(target.file)).toBe(true);
  });
});

describe('a write between the dry run and the import', () => {
  it('is seen: the import plans again inside its transaction', async () => {
    const { runImport } = await import('../../electron/api/transfer-handlers');
    const { fixedClock } = await import('../../electron/clock');
    const { readSheet } = await import('../../electron/transfer/read-file');
    const { call, db } = openTestServices();
    const file = fileOf('p.csv', 'Institution,NRMP code,Min Step 2\nLakeview Regional Medical Center,1234440P0,221\n');
    const sheet = await readSheet(file, 'programs');
    // While the backup runs, someone adds the same program by hand.
    const result = await runImport(db, 'programs', sheet, ['institution', 'nrmpCode', 'minStep2ck'], false, fixedClock(new Date('2026-11-25T12:00:00Z')), async () => {
      await call('institutions.save', { institution: institution(), tracks: [track('preliminary')] });
      return { file: 'x.db', reason: 'before-import', createdAt: '2026-11-25T12:00:00.000Z', size: 0 };
    });
    expect(result).toMatchObject({ add: 0, update: 1 });
    const programs = await call('programs.list');
    expect(programs).toHaveLength(1);
    expect(programs[0]!.minStep2ck).toBe(221);
  });
});
