// Issue 5: the features together through the real UI. One application goes from
// Considering to Interviewed with two letters assigned, a thank-you email from a template
// is logged for its program, and everything is still there after a reload.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { institution, seedExampleProfile, track } from '../fixtures';
import { field, useApp } from './harness';
import { addApplicationFromAllPrograms, addUsWriters, uploadLetters } from './steps';

const app = useApp();

const PROGRAM = 'Heartland Medical Center (Preliminary)';
const WRITERS = ['Dr. Jane Smith', 'Dr. Omar Farouk'];
const STEPS = [
  ['materials_ready', 'Materials ready', '2026-09-10'],
  ['submitted', 'Submitted', '2026-09-24'],
  ['under_review', 'Under review', '2026-10-05'],
  ['interview_invited', 'Interview invited', '2026-10-14'],
  ['interview_scheduled', 'Interview scheduled', '2026-10-16'],
  ['interviewed', 'Interviewed', '2026-11-03'],
] as const;

async function openApplication(page: Page) {
  await page.locator('.board-card', { hasText: 'Heartland Medical Center' }).click();
  return page.getByRole('dialog', { name: PROGRAM });
}

const timelineText = async (detail: Locator) => (await detail.getByRole('list', { name: 'Status history' }).locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

describe('issue 5: one application through the season', () => {
  it('walks one application from considering to interviewed with two letters assigned, logs an email from a template, and reloads', async () => {
    const { page, open, services } = app();
    expect((await services.dispatch('profile.save', seedExampleProfile())).ok).toBe(true);
    for (const [name, code, pd] of [
      ['Heartland Medical Center', '1004440P0', 'Dr. Ruth Okafor'],
      ['Riverbend Community Hospital', '1003440P0', 'Dr. Maria Lopez'],
    ] as const) {
      const r = await services.dispatch('institutions.save', { institution: institution({ name, state: 'OH', pdName: pd, pdEmail: `pd@${name.split(' ')[0]!.toLowerCase()}.example.org` }), tracks: [track('preliminary', { nrmpCode: code })] });
      expect(r.ok).toBe(true);
    }

    // The application, added on the Applications screen.
    await open('applications', 'Applications');
    await page.getByRole('heading', { name: 'No applications yet' }).waitFor();
    await addApplicationFromAllPrograms(page, /Heartland Medical Center/, '2026-09-01');
    await page.locator('[data-status="considering"] .board-card', { hasText: 'Heartland' }).waitFor();

    // Two writers whose letters reach "uploaded", on the Letters screen.
    await open('letters', 'Letters & documents');
    await addUsWriters(page, [
      [WRITERS[0]!, 'Mercy Hospital, OH'],
      [WRITERS[1]!, 'Lakeview Regional, OH'],
    ]);
    await uploadLetters(page, WRITERS);
    expect(await page.getByTestId('letters-summary').textContent()).toContain('2 letters · 2 uploaded · 2 confirmed strong · 2 US surgeons confirmed strong (a writer counts once)');

    // Both assigned to the application in the matrix (before submitting: ERAS locks them then).
    await page.getByRole('tab', { name: 'Assignments' }).click();
    const row = page.locator(`tr[data-application="${PROGRAM}"]`);
    for (const name of WRITERS) {
      const box = row.getByRole('checkbox', { name: `Assign ${name} to ${PROGRAM}` });
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await expect.poll(() => row.locator('td.count').textContent()).toContain('2/4');

    // Step by step to Interviewed with the status control; the timeline shows each step.
    await open('applications', 'Applications');
    let detail = await openApplication(page);
    for (const [, label, date] of STEPS) {
      const form = detail.getByRole('form', { name: 'Change status' });
      await form.locator('select[name="status"]').selectOption({ label });
      await form.locator('input[name="date"]').fill(date);
      await form.locator('input[name="note"]').fill(`Step: ${label}`);
      await form.getByRole('button', { name: 'Save status' }).click();
      await detail.getByText(`Moved to ${label}.`).waitFor();
      await expect.poll(async () => (await timelineText(detail)).at(-1)).toMatch(new RegExp(`^\\w+ \\d+, 2026${label} from .*Step: ${label}$`));
    }
    const expectedTimeline = [
      'Sep 1, 2026Considering (added)',
      'Sep 10, 2026Materials ready from ConsideringStep: Materials ready',
      'Sep 24, 2026Submitted from Materials readyStep: Submitted',
      'Oct 5, 2026Under review from SubmittedStep: Under review',
      'Oct 14, 2026Interview invited from Under reviewStep: Interview invited',
      'Oct 16, 2026Interview scheduled from Interview invitedStep: Interview scheduled',
      'Nov 3, 2026Interviewed from Interview scheduledStep: Interviewed',
    ];
    expect(await timelineText(detail)).toEqual(expectedTimeline);
    await detail.getByRole('button', { name: 'Close' }).click();
    await page.locator('[data-status="interviewed"] .board-card', { hasText: 'Heartland' }).waitFor();

    // A thank-you email from the built-in template, for that program, logged.
    await open('letters', 'Letters & documents');
    await page.getByRole('tab', { name: 'Messages' }).click();
    await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: PROGRAM });
    const composer = page.locator('.composer');
    await composer.getByRole('heading', { name: `Write to ${PROGRAM}` }).waitFor();
    await field(composer, 'template').selectOption({ label: 'Thank-you note after an interview' });
    const subject = 'Thank you for the interview – Amina Rahman';
    await expect.poll(() => field(composer, 'subject').inputValue()).toBe(subject);
    expect(await composer.locator('textarea[name="body"]').inputValue()).toContain('Dr. Okafor');
    expect(await field(composer, 'to').inputValue()).toBe('pd@heartland.example.org');
    await composer.getByRole('button', { name: 'Log as sent today' }).click();
    // The thank-you template keeps a part in [brackets] to write: logging asks first.
    await composer.getByRole('button', { name: 'Log anyway' }).click();
    await page.locator(`.program-log [data-log="${subject}"]`).waitFor();

    // Reload: the status and its timeline, both letters assigned, the logged email.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Letters & documents' }).waitFor();
    await page.getByRole('tab', { name: 'Assignments' }).click();
    for (const name of WRITERS) {
      const box = row.getByRole('checkbox', { name: `Assign ${name} to ${PROGRAM}` });
      await box.waitFor();
      expect(await box.isChecked()).toBe(true);
    }
    expect(await row.locator('td.count').textContent()).toContain('2/4');
    await page.getByRole('tab', { name: 'Messages' }).click();
    await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: PROGRAM });
    const logged = page.locator(`.program-log [data-log="${subject}"]`);
    await logged.waitFor();
    expect(await logged.textContent()).toContain('From the template “Thank-you note after an interview”');

    await open('applications', 'Applications');
    await page.locator('[data-status="interviewed"] .board-card', { hasText: 'Heartland' }).waitFor();
    detail = await openApplication(page);
    await detail.getByRole('list', { name: 'Status history' }).getByText('Interviewed', { exact: true }).waitFor();
    expect(await timelineText(detail)).toEqual(expectedTimeline);
  });
});
