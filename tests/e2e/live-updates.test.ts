// Two pages of the app open at once (as two windows would be): a write in one shows in the
// other without a reload, through the browser-mode event stream (server-sent events).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { institution, track } from '../fixtures';
import { field, useApp } from './harness';

const app = useApp();

/** Marks the page's document; a reload (or a new document) loses the mark. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { sameDocument?: boolean }).sameDocument = true;
  });
}
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

describe('live updates between two pages', () => {
  it('a profile saved on one page re-tiers the Programs screen of the other, and a program put on the list there shows in the first page’s Add applications', async () => {
    const { page, open, services, url } = app();
    const saved = await services.dispatch('institutions.save', { institution: institution({ name: 'Heartland Medical Center', state: 'OH', visaSponsorship: 'j1' }), tracks: [track('preliminary', { nrmpCode: '1004440P0' })] });
    expect(saved.ok).toBe(true);

    // Page one: Programs, tiers computed for an empty profile.
    await open('programs', 'Programs');
    await page.getByText('Tiers assume an empty profile until you save yours on the Profile screen.').waitFor();
    await mark(page);

    // Page two: the Profile screen, saving a profile.
    const other = await page.context().browser()!.newPage();
    try {
      await other.goto(`${url}#/profile`);
      await other.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
      await mark(other);
      await field(other, 'fullName').fill('Amina Rahman');
      await field(other, 'email').fill('amina@example.com');
      await field(other, 'graduationYear').fill('2022');
      await field(other, 'step2ckStatus').selectOption('passed');
      await field(other, 'step2ckScore').fill('230');
      await field(other, 'step2ckAttempts').fill('1');
      await field(other, 'visaNeed').selectOption('j1');
      await other.getByRole('button', { name: 'Save profile' }).click();
      await other.getByRole('status').filter({ hasText: 'Saved at' }).waitFor();

      // Page one follows: the tiers were computed again for the saved profile.
      await page.getByText('Tiers assume an empty profile').waitFor({ state: 'detached' });
      expect(await sameDocument(page)).toBe(true);

      // Page two moves to Applications (in-page navigation) and opens Add applications: nothing on the list yet.
      await other.evaluate(() => {
        location.hash = '#/applications';
      });
      await other.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
      await other.getByRole('button', { name: 'Add applications' }).first().click();
      const add = other.getByRole('dialog', { name: 'Add applications' });
      await add.getByText('Every program on your list has an application.').waitFor();

      // Page one puts the program on the list; the open dialog on page two offers it.
      // The box follows the store, which takes the server's answer: click, then wait for the count.
      await page.getByRole('checkbox', { name: 'On my list: Heartland Medical Center Preliminary' }).click();
      await page.getByText('1 program at 1 institution · 1 on your list').waitFor();
      await add.getByRole('checkbox', { name: /Heartland Medical Center/ }).waitFor();
      expect(await sameDocument(other)).toBe(true);
      expect(await sameDocument(page)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('a geographic preference saved on another page (a season choice, announced as settings) re-tiers the open Programs screen: the program\'s reasons gain the plus', async () => {
    const { page, open, services } = app();
    expect((await services.dispatch('institutions.save', { institution: institution({ name: 'Heartland Medical Center', state: 'OH', visaSponsorship: 'j1' }), tracks: [track('preliminary', { nrmpCode: '1004440P0' })] })).ok).toBe(true);
    await open('programs', 'Programs');
    await page.getByRole('button', { name: /Heartland Medical Center/ }).first().click();
    const detail = page.getByRole('dialog', { name: /Heartland Medical Center/ });
    await detail.getByText(/Loading/).waitFor({ state: 'detached' });
    expect(await detail.getByText(/one of your ERAS geographic preferences/).count()).toBe(0);
    await mark(page);
    // Saved elsewhere (another window): only the announcement reaches this page.
    expect((await services.dispatch('geoPreference.save', { noPreference: false, divisions: ['east_north_central'], note: '' })).ok).toBe(true);
    await detail.getByText(/In East North Central, one of your ERAS geographic preferences/).waitFor();
    expect(await sameDocument(page)).toBe(true);
  });
});
