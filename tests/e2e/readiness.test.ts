import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { field, useApp } from './harness';
import { institution, track } from '../fixtures';

const app = useApp();

const itemState = (page: Page, id: string) => page.locator(`[data-item="${id}"]`).getAttribute('data-state');

describe('Readiness, deadlines and the dashboard in the browser', () => {
  it('an empty profile shows blocking items; filling the profile turns them done', async () => {
    const { page, open } = app();
    await open('dashboard', 'Dashboard');
    await page.getByRole('heading', { level: 2, name: 'Welcome to Prelim Tracker' }).waitFor();
    await page.getByRole('button', { name: /Start with your profile/ }).waitFor();

    await open('readiness', 'Readiness');
    for (const id of ['eras.profile', 'eras.step1', 'eras.step2ck', 'eras.ecfmg', 'eras.oet']) expect(await itemState(page, id)).toBe('blocking');
    await expect.poll(() => page.locator('.readiness-progress').textContent()).toMatch(/\d+ blocking/);

    await open('profile', 'Profile');
    await field(page, 'fullName').fill('Amina Rahman');
    await field(page, 'aamcId').fill('12345678');
    await field(page, 'medicalSchool').fill('Example Medical College');
    await field(page, 'graduationYear').fill('2022');
    await field(page, 'step1Result').selectOption('pass_fail');
    await field(page, 'step1Attempts').fill('1');
    await field(page, 'step2ckStatus').selectOption('passed');
    await field(page, 'step2ckScore').fill('236');
    await field(page, 'step2ckAttempts').fill('1');
    await field(page, 'ecfmgStatus').selectOption('in_progress');
    await field(page, 'oetStatus').selectOption('passed');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved at' }).waitFor();

    await page.getByRole('link', { name: 'Readiness' }).click();
    await page.getByRole('heading', { level: 1, name: 'Readiness' }).waitFor();
    await expect.poll(() => itemState(page, 'eras.step2ck')).toBe('done');
    for (const id of ['eras.profile', 'eras.step1', 'eras.ecfmg', 'eras.oet']) expect(await itemState(page, id)).toBe('done');

    // A manual item is the user's tick, and it is stored.
    await page.getByRole('checkbox', { name: 'CV with the strongest items first: done' }).check();
    await expect.poll(() => itemState(page, 'eras.cv-ordered')).toBe('done');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Readiness' }).waitFor();
    await expect.poll(() => itemState(page, 'eras.cv-ordered')).toBe('done');
  });

  it('corrects a season date, adds a program deadline, exports a calendar and opens lists from the dashboard', async () => {
    const { page, open, services } = app();
    const saved = await services.dispatch('institutions.save', { institution: institution({ name: 'Lakeview Regional Medical Center' }), tracks: [track('preliminary')] });
    if (!saved.ok) throw new Error(saved.error.message);

    await open('deadlines', 'Deadlines');
    const rol = page.locator('[data-event="rol-deadline"]');
    await expect.poll(() => rol.textContent()).toContain('est.');
    expect(await rol.textContent()).toMatch(/9:00 PM EST/);
    await rol.getByRole('button', { name: /Correct the date/ }).click();
    const dialog = page.getByRole('dialog');
    await field(page, 'time').fill('9pm');
    await dialog.getByRole('button', { name: 'Save date' }).click();
    await dialog.getByText('24-hour time like 21:00').waitFor();
    await field(page, 'time').fill('21:00');
    await field(page, 'date').fill('2027-03-04');
    await dialog.getByRole('button', { name: 'Save date' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => rol.textContent()).toContain('corrected');
    expect(await rol.textContent()).not.toContain('est.');

    await page.getByRole('button', { name: 'Add deadline' }).click();
    await field(page, 'title').fill('Supplemental application');
    await field(page, 'dueDate').fill('2030-01-15');
    await page.getByRole('dialog').getByRole('button', { name: 'Add deadline' }).click();
    await page.getByText('Supplemental application').first().waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to calendar (.ics)' }).click();
    const file = await (await download).path();
    const events = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const rolEvent = events.find((e) => e.uid === 'season:rol-deadline@prelim-tracker.local')!;
    expect(rolEvent.startDate.toJSDate().toISOString()).toBe('2027-03-05T02:00:00.000Z');
    const deadline = events.find((e) => e.summary === 'Supplemental application: Lakeview Regional Medical Center (Preliminary)')!;
    expect([deadline.startDate.isDate, deadline.startDate.toString()]).toEqual([true, '2030-01-15']);

    // The dashboard (no longer a first run) opens the Programs screen filtered by the tier clicked.
    await open('dashboard', 'Dashboard');
    await page.getByRole('button', { name: /1 programs · 0 on your list/ }).waitFor();
    // The chart's numbers are buttons for the keyboard too.
    const tier = page.locator('.chart-keys button', { hasText: /: 1$/ }).first();
    const label = (await tier.textContent())!.replace(/: 1$/, '');
    await tier.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    expect(page.url()).toMatch(/#\/programs\?tier=/);
    await page.getByText('Lakeview Regional Medical Center').first().waitFor();
    const filter = page.getByRole('combobox', { name: 'Tier filter' });
    expect(await filter.locator('option:checked').textContent()).toBe(label);
  });
});
