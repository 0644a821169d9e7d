// A stranger imports their own applications log (tests/fixtures/corpus/applications-log.csv,
// EXPECTED.md §6) into a fresh database in browser mode, through the Import & export screen:
// the dry run says how many invitations and interviews it will record, and afterwards the
// Invitations inbox, the Interviews tab, the Dashboard (its numbers and the lists they open),
// the funnel and Deadlines agree with the Applications screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedExampleProfile } from '../fixtures';
import { call, useApp } from './harness';
import { agree, squash } from './agree';

// EXPECTED's season: after the last invitation (6 Jan 2027), before the first interview still to come (3 Feb).
const app = useApp({ now: () => new Date('2027-01-20T15:00:00Z') });
const CORPUS = path.resolve(import.meta.dirname, '../fixtures/corpus');
const PROGRAM_FILES = ['community-sheet.csv', 'freida-paste.tsv', 'excel-europe.csv', 'tracker.xlsx', 'google-export.csv', 'numbers-export.csv', 'messy-headers.xlsx'];

describe('an applications log imported into a fresh database', () => {
  it('records its invitations and interviews, and every screen agrees', async () => {
    const { page, open, services } = app();
    await call(services, 'profile.save', seedExampleProfile());
    await call(services, 'calendar.saveSettings', { timeZone: 'America/New_York', remindersEnabled: true, reminderDays: 3 });
    // The programs the log names (every code in it appears in another file of the corpus).
    for (const name of PROGRAM_FILES) {
      const file = { name, base64: readFileSync(path.join(CORPUS, name)).toString('base64') };
      const preview = await call(services, 'import.preview', { kind: 'programs', file });
      await call(services, 'import.run', { kind: 'programs', file, mapping: preview.mapping, skipInvalid: true });
    }

    await open('data', 'Import & export');
    await page.getByRole('radio', { name: 'Applications' }).check();
    await page.getByLabel('Choose a CSV or Excel file of applications').setInputFiles(path.join(CORPUS, 'applications-log.csv'));
    const dryRun = page.locator('.dry-run');
    await dryRun.locator('.dry-run-counts').waitFor();
    expect((await dryRun.locator('.dry-run-counts li').allTextContents()).map(squash)).toEqual(['35 to add', '0 to update', '0 unchanged', '0 with problems']);
    expect(squash(await dryRun.locator('.dry-run-records').textContent())).toBe('With them: 21 invitations to record; 17 interviews to record (the Invitations inbox and the Interviews tab).');
    await page.getByRole('button', { name: 'Import 35 applications' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 35 applications added, 0 updated, 21 invitations recorded; 17 interviews recorded.' }).waitFor();

    // The Invitations inbox: one per invited row (3 waitlisted, 17 accepted, 1 declined: withdrew after the invite).
    await open('invitations', 'Invitations');
    const inbox = page.getByRole('table', { name: 'Interview invitations' });
    await expect.poll(() => inbox.locator('tbody tr').count()).toBe(21);
    const statuses = await inbox.locator('.badge[data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(Object.fromEntries(['accepted', 'waitlisted', 'declined', 'pending'].map((s) => [s, statuses.filter((x) => x === s).length]))).toEqual({ accepted: 17, waitlisted: 3, declined: 1, pending: 0 });

    // The Interviews tab: 17 interviews, 12 done (interviewed or ranked), 5 to come.
    await open('applications?tab=interviews', 'Applications');
    const rows = page.locator('tr[data-interview-id]');
    await expect.poll(() => rows.count()).toBe(17);
    expect(await page.locator('tr[data-interview-id] .badge.status-interviewed').count()).toBe(12);

    // Dashboard, Applications board, the lists the numbers open, Deadlines.
    const onList = (await call(services, 'programs.list')).filter((p) => p.onList).length;
    await agree(page, open, {
      applications: 35,
      submitted: 35,
      board: { submitted: 8, interview_invited: 3, interview_scheduled: 5, interviewed: 6, ranked: 6, rejected: 5, withdrawn: 2 },
      // Invited: every invitation in the inbox; scheduled: every application with an interview; interviewed: the 12 done.
      reached: { interview_invited: 21, interview_scheduled: 17, interviewed: 12 },
      upcomingInterviews: 5,
      replyBy: 0,
      onList,
    });
  });
});
