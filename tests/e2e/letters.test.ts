import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/services';
import { institution, seedExampleProfile, track } from '../fixtures';
import { call, field, useApp } from './harness';
import { addUsWriters, uploadLetters } from './steps';

const app = useApp();

/** The input, select or textarea of the field with this data-field name, inside a dialog or card. */

/** One program with an application (the Applications screen is another screen's job), and 3 uploaded letters made through the API, 2 of them assigned. */
async function seed(services: AppServices) {
  await call(services, 'profile.save', seedExampleProfile());
  const saved = await call(services, 'institutions.save', {
    institution: institution({ name: 'Riverbend Community Hospital', pdName: 'Dr. Maria Lopez', pdEmail: 'pd@riverbend.example.org' }),
    tracks: [track('preliminary', { nrmpCode: '1003440P0' })],
  });
  const programId = saved.programs[0]!.id;
  const { created } = await call(services, 'applications.create', { programIds: [programId], date: '2026-08-20' });
  const applicationId = created[0]!.id;
  for (const name of ['Dr. Api One', 'Dr. Api Two', 'Dr. Api Three']) {
    const w = await call(services, 'writers.save', { name, location: 'home', isSurgeon: true });
    const l = await call(services, 'letters.save', { writerId: w.id });
    await call(services, 'letters.setStage', { id: l.id, stage: 'uploaded', date: '2026-08-01' });
    if (name !== 'Dr. Api Three') await call(services, 'letters.assign', { applicationId, letterId: l.id, assigned: true, date: '2026-08-21' });
  }
  return { programId, applicationId };
}

describe('letters, assignments and messages', () => {
  it('adds two writers, uploads and assigns their letters, refuses a fifth, logs an email from a template, and keeps it all after a reload', async () => {
    const { page, open, services } = app();
    await seed(services);
    await open('letters', 'Letters & documents');

    // Two writers, each with a letter, added through the screen; both letters uploaded.
    await addUsWriters(page, [
      ['Dr. Jane Smith', 'Mercy Hospital, OH'],
      ['Dr. Omar Farouk', 'Lakeview Regional, OH'],
    ]);
    await uploadLetters(page, ['Dr. Jane Smith', 'Dr. Omar Farouk']);
    // The three seeded letters went straight to "Uploaded" (never confirmed strong): like Readiness, they do not count as strong.
    expect(await page.getByTestId('letters-summary').textContent()).toContain('5 letters · 5 uploaded · 2 confirmed strong · 2 US surgeons confirmed strong (a writer counts once)');

    // Assign both to the one application: 2 + 2 = 4, the most ERAS allows.
    await page.getByRole('tab', { name: 'Assignments' }).click();
    const row = page.locator('tr[data-application="Riverbend Community Hospital (Preliminary)"]');
    for (const name of ['Dr. Jane Smith', 'Dr. Omar Farouk']) {
      const box = row.getByRole('checkbox', { name: `Assign ${name} to Riverbend Community Hospital (Preliminary)` });
      await box.click(); // controlled: checked once the main process has stored it
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await expect.poll(() => row.locator('td.count').textContent()).toContain('4/4');

    // A fifth is refused with the reason, and stays unchecked.
    const fifth = row.getByRole('checkbox', { name: 'Assign Dr. Api Three to Riverbend Community Hospital (Preliminary)' });
    await fifth.click();
    await page.getByRole('alert').getByText('Riverbend Community Hospital (Preliminary) already has 4 letters: ERAS allows at most 4 per program. Unassign one first.').waitFor();
    expect(await fifth.isChecked()).toBe(false);

    // An interest email from the built-in template, logged for that program.
    await page.getByRole('tab', { name: 'Messages' }).click();
    const composer = page.locator('.composer');
    await expect.poll(() => field(composer, 'subject').inputValue()).toBe('Interest in your preliminary surgery position – Amina Rahman');
    const body = await composer.locator('textarea[name="body"]').inputValue();
    expect(body).toContain('Dear Dr. Lopez,');
    expect(body).toContain('My name is Amina Rahman, a non-US citizen IMG from Pakistan');
    const mailto = await composer.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
    expect(mailto).toMatch(/^mailto:pd%40riverbend\.example\.org\?subject=Interest%20in%20your%20preliminary/);
    // Parts in [brackets] are still there: logging it as sent asks first (issue 13).
    await composer.getByRole('button', { name: 'Log as sent today' }).click();
    await composer.getByRole('alert').filter({ hasText: 'did you really send it like this?' }).waitFor();
    await composer.getByRole('button', { name: 'Log anyway' }).click();
    await page.locator('.program-log [data-log="Interest in your preliminary surgery position – Amina Rahman"]').waitFor();

    // Everything is still there after a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Letters & documents' }).waitFor();
    for (const name of ['Dr. Jane Smith', 'Dr. Omar Farouk']) {
      await page.locator(`[data-letter="${name}"].stage-uploaded`).waitFor();
      expect(await page.getByRole('combobox', { name: `Stage of ${name}`, exact: true }).inputValue()).toBe('uploaded');
    }
    await page.getByRole('tab', { name: 'Assignments' }).click();
    for (const name of ['Dr. Jane Smith', 'Dr. Omar Farouk']) {
      expect(await row.getByRole('checkbox', { name: `Assign ${name} to Riverbend Community Hospital (Preliminary)` }).isChecked()).toBe(true);
    }
    await page.getByRole('tab', { name: 'Messages' }).click();
    const logged = page.locator('.program-log [data-log="Interest in your preliminary surgery position – Amina Rahman"]');
    await logged.waitFor();
    expect(await logged.textContent()).toContain('From the template “Interest email to the program director”');
  });
});
