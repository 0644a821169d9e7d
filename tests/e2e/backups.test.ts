import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { field, useApp } from './harness';

const app = useApp();

describe('Backups in the browser', () => {
  it('backs up, and a restore brings back a deleted program', async () => {
    const { page, open, services } = app();
    await open('programs', 'Programs');
    await page.getByRole('button', { name: 'Add program' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add program' });
    await field(page, 'institution.name').fill('Lakeview Regional Medical Center');
    await field(page, 'institution.state').fill('OH');
    await field(page, 'tracks.preliminary.nrmpCode').fill('1234440P0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('1 program at 1 institution').waitFor();

    await open('settings', 'Settings');
    await page.getByText('No backups yet.').waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('status').filter({ hasText: 'Backed up at' }).waitFor();
    const rows = page.locator('table.backup-list tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Backed up by you');
    expect(await page.locator('.data-location').textContent()).toContain(path.basename(services.db.name)); // no absolute path outside the home folder

    await open('programs', 'Programs');
    await page.getByRole('button', { name: /^Delete Lakeview Regional Medical Center/ }).click();
    await page.getByRole('dialog', { name: 'Delete program?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Deleted').first().waitFor();
    expect(services.db.prepare('SELECT COUNT(*) FROM program').pluck().get()).toBe(0);

    await open('settings', 'Settings');
    await page.getByRole('button', { name: /^Restore the backup of/ }).first().click();
    const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
    expect(await confirm.textContent()).toContain('Your current data is backed up first');
    await confirm.getByRole('button', { name: 'Restore' }).click();
    // The app reloads; the list then also holds the before-restore backup.
    await page.getByText('Before a restore').waitFor();
    expect(services.db.prepare('SELECT COUNT(*) FROM program').pluck().get()).toBe(1);

    await open('programs', 'Programs');
    await page.getByText('1 program at 1 institution').waitFor();
    expect(await page.locator('[role="row"][data-program-id]').allTextContents()).toEqual([expect.stringContaining('Lakeview Regional Medical Center')]);
  });
});
