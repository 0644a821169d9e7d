import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useApp } from './harness';

const app = useApp();

const CSV = [
  'Program Name,NRMP Code,City,State,Track,J-1,H-1B,Min Step 2,IMG %',
  'Lakeview Regional Medical Center,1234440P0,Dayton,OH,Prelim,Yes,No,220,45%',
  '"Hillside Hospital, Inc.",2345440P0,Toledo,Ohio,Preliminary,Yes,Yes,230,30',
].join('\r\n');

describe('Import & export in the browser', () => {
  it('imports a CSV with a preview and a dry run, updates on a second import, and exports a file', async () => {
    const { page, open, services } = app();
    await open('programs', 'Programs');
    await page.getByRole('button', { name: 'Import / export' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import & export' }).waitFor();

    const choose = async (csv: string) => {
      await page.getByLabel('Choose a CSV or Excel file of programs').setInputFiles({ name: 'programs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    };
    await choose(CSV);
    // The guessed mapping, then the dry run (checked right away when the mapping is usable).
    await expect.poll(() => page.getByLabel('What the column "Program Name" holds').inputValue()).toBe('institution');
    expect(await page.getByLabel('What the column "Min Step 2" holds').inputValue()).toBe('minStep2ck');
    const counts = page.locator('.dry-run-counts');
    await counts.waitFor();
    expect((await counts.textContent())?.replace(/\s+/g, ' ')).toContain('2 to add');
    expect(services.db.prepare('SELECT COUNT(*) FROM program').pluck().get()).toBe(0);

    await page.getByRole('button', { name: 'Import 2 programs' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 programs added' }).waitFor();
    expect(services.db.prepare('SELECT COUNT(*) FROM program').pluck().get()).toBe(2);

    await open('programs', 'Programs');
    await page.getByText('2 programs at 2 institutions').waitFor();
    expect(await page.locator('[role="row"][data-program-id]').allTextContents()).toEqual([expect.stringContaining('Hillside Hospital, Inc.'), expect.stringContaining('Lakeview Regional Medical Center')]);

    // The same file with one changed cutoff: one update, no duplicate.
    await open('data', 'Import & export');
    await choose(CSV.replace('Prelim,Yes,No,220', 'Prelim,Yes,No,226'));
    await counts.waitFor();
    expect((await counts.textContent())?.replace(/\s+/g, ' ')).toMatch(/0 to add.*1 to update.*1 unchanged/);
    await page.getByRole('button', { name: 'Import 1 program' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 0 programs added, 1 updated' }).waitFor();
    expect(services.db.prepare('SELECT COUNT(*) FROM program').pluck().get()).toBe(2);
    expect(services.db.prepare(`SELECT min_step2ck FROM program WHERE nrmp_code = '1234440P0'`).pluck().get()).toBe(226);

    // A row with problems: each named by row and column in one round (the unreadable state
    // does not hide the impossible score), nothing imported until it is fixed or left out.
    await choose(`${CSV}\r\nBad Hospital,3456440P0,Austin,Narnia,Preliminary,Yes,No,900,10`);
    const problems = page.locator('.problems-table tbody tr');
    await expect.poll(() => problems.count()).toBe(2);
    expect(await problems.allTextContents()).toEqual([
      '4State"Narnia" is not a US state or territory; use its two-letter code (e.g. OH) or full name.',
      expect.stringMatching(/^4Min Step 2.*300/),
    ]);
    const importButton = page.getByRole('button', { name: 'Import 1 program' });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel('Import the 2 good rows, skip 1 row with problems').check();
    expect(await importButton.isDisabled()).toBe(false);

    // Export: a real download of a CSV that holds both programs.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export programs as CSV' }).click()]);
    expect(dl.suggestedFilename()).toMatch(/^prelim-tracker-programs-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await dl.path())!, 'utf8');
    expect(text).toContain('Lakeview Regional Medical Center,Preliminary,1234440P0');
    expect(text).toContain('"Hillside Hospital, Inc."');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export applications as Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
  });

  it('corrects two guesses in the preview, checks, imports, then re-imports one changed cell and sees the field-level diff', async () => {
    const { page, open, services } = app();
    await open('data', 'Import & export');
    const file = (cut: string) => ['Name,Code,Where,Cut', `Lakeview Regional Medical Center,1234440P0,"Dayton, Ohio",${cut}`, 'Hillside Hospital,2345440C01,Toledo OH,230'].join('\r\n');
    const choose = async (csv: string) => page.getByLabel('Choose a CSV or Excel file of programs').setInputFiles({ name: 'my list.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await choose(file('220'));
    const where = page.getByLabel('What the column "Where" holds');
    const cut = page.getByLabel('What the column "Cut" holds');
    await expect.poll(() => page.getByLabel('What the column "Name" holds').inputValue()).toBe('institution');
    // Two columns the guesses left out: corrected in place, the rows checked again at once.
    expect(await where.inputValue()).toBe('');
    expect(await cut.inputValue()).toBe('');
    await where.selectOption('cityState');
    await cut.selectOption('minStep2ck');
    const counts = page.locator('.dry-run-counts');
    await expect.poll(async () => (await counts.textContent())?.replace(/\s+/g, ' ')).toContain('2 to add');
    await page.getByRole('button', { name: 'Import 2 programs' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 programs added' }).waitFor();
    expect(services.db.prepare(`SELECT i.city || ', ' || i.state || ' ' || p.min_step2ck FROM program p JOIN institution i ON i.id = p.institution_id ORDER BY p.nrmp_code`).pluck().all()).toEqual(['Dayton, OH 220', 'Toledo, OH 230']);

    // The same headers again with one changed cell: the corrections come back, and the dry run shows the change.
    await choose(file('225'));
    await page.getByRole('heading', { name: 'What changes in programs you have' }).waitFor();
    expect(await where.inputValue()).toBe('cityState');
    expect(await cut.inputValue()).toBe('minStep2ck');
    expect((await page.locator('.changes-table tbody tr').allTextContents())).toEqual(['2Lakeview Regional Medical Center (Preliminary)Min Step 2 CK220225']);
    await page.getByRole('button', { name: 'Import 1 program' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 0 programs added, 1 updated' }).waitFor();
    expect(services.db.prepare(`SELECT min_step2ck FROM program WHERE nrmp_code = '1234440P0'`).pluck().get()).toBe(225);
  });

  it('imports applications with their dates into the status history', async () => {
    const { page, open, services } = app();
    await open('settings', 'Settings');
    await page.getByRole('button', { name: 'Import programs…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import & export' }).waitFor();
    await page.getByLabel('Choose a CSV or Excel file of programs').setInputFiles({ name: 'programs.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Import 2 programs' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 programs added' }).waitFor();

    await page.getByRole('radio', { name: 'Applications' }).check();
    const apps = 'NRMP code,Status,Status date,Submitted on\n1234440P0,Interview invited,2026-10-20,2026-09-24\n2345440P0,Submitted,2026-09-24,\n';
    await page.getByLabel('Choose a CSV or Excel file of applications').setInputFiles({ name: 'apps.csv', mimeType: 'text/csv', buffer: Buffer.from(apps) });
    await page.getByRole('button', { name: 'Import 2 applications' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 applications added' }).waitFor();
    const history = services.db
      .prepare(`SELECT e.from_status, e.status, e.date FROM application_event e JOIN application a ON a.id = e.application_id JOIN program p ON p.id = a.program_id WHERE p.nrmp_code = '1234440P0' ORDER BY e.id`)
      .all();
    expect(history).toEqual([
      { from_status: null, status: 'submitted', date: '2026-09-24' },
      { from_status: 'submitted', status: 'interview_invited', date: '2026-10-20' },
    ]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { page, open } = app();
    await open('data', 'Import & export');
    await page.getByLabel('Choose a CSV or Excel file of programs').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(21 * 1024 * 1024, 'a') });
    await page.getByRole('alert').filter({ hasText: 'huge.csv is 21.0 MB; import at most 20 MB at a time.' }).waitFor();
  });
});
