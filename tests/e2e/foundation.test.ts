import { describe, expect, it } from 'vitest';
import { field, useApp } from './harness';
import { institution, track } from '../fixtures';
import { SECTIONS } from '../../renderer/sections';

const app = useApp();

describe('Profile and Programs in the browser', () => {
  it('keeps a filled profile and both tracks of one institution across a reload', async () => {
    const { page, open } = app();
    await open('profile', 'Profile');
    await field(page, 'fullName').fill('Amina Rahman');
    await field(page, 'email').fill('amina@example.com');
    await field(page, 'graduationYear').fill('2022');
    await field(page, 'step1Result').selectOption('numeric');
    await field(page, 'step1Score').fill('213');
    await field(page, 'step1Attempts').fill('1');
    await field(page, 'step2ckStatus').selectOption('passed');
    await field(page, 'step2ckScore').fill('230');
    await field(page, 'step2ckAttempts').fill('1');
    await field(page, 'visaNeed').selectOption('j1');
    await page.getByRole('button', { name: 'Add experience' }).click();
    await field(page, 'usce.0.type').selectOption('sub_internship');
    await field(page, 'usce.0.hospital').fill('Mercy General');
    await field(page, 'usce.0.state').fill('OH');
    await field(page, 'usce.0.weeks').fill('8');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved at' }).waitFor();

    await open('programs', 'Programs');
    await page.getByRole('button', { name: 'Add program' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add program' });
    await field(page, 'institution.name').fill('Lakeview Regional Medical Center');
    await field(page, 'institution.city').fill('Dayton');
    await field(page, 'institution.state').fill('OH');
    await field(page, 'institution.setting').selectOption('community');
    await field(page, 'institution.visaSponsorship').selectOption('j1');
    await field(page, 'tracks.preliminary.nrmpCode').fill('1234440P0');
    await field(page, 'tracks.preliminary.minStep2ck').fill('220');
    await dialog.locator('input[name="tracks.categorical.enabled"]').check();
    await field(page, 'tracks.categorical.nrmpCode').fill('1234440C0');
    await field(page, 'tracks.categorical.minStep2ck').fill('235');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('2 programs at 1 institution').waitFor();

    await page.reload();
    await page.getByText('2 programs at 1 institution').waitFor();
    const rows = page.locator('[role="row"][data-program-id]');
    expect(await rows.count()).toBe(2);
    const text = (await rows.allTextContents()).join(' | ');
    expect(text).toContain('Lakeview Regional Medical Center');
    expect(text).toContain('1234440P0');
    expect(text).toContain('1234440C0');
    expect(text).toContain('same institution');

    await open('profile', 'Profile');
    await expect.poll(() => field(page, 'fullName').inputValue()).toBe('Amina Rahman');
    expect(await field(page, 'step1Score').inputValue()).toBe('213');
    expect(await field(page, 'step2ckScore').inputValue()).toBe('230');
    expect(await field(page, 'usce.0.hospital').inputValue()).toBe('Mercy General');
    expect(await field(page, 'usce.0.type').inputValue()).toBe('sub_internship');
  });

  it('shows a bad NRMP code next to the field and writes nothing', async () => {
    const { page, open, services } = app();
    await open('programs', 'Programs');
    await page.getByRole('button', { name: 'Add program' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add program' });
    await field(page, 'institution.name').fill('Bad Code Hospital');
    await field(page, 'tracks.preliminary.nrmpCode').fill('1234-440');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const error = page.locator('[data-field="tracks.preliminary.nrmpCode"] .error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/is not an NRMP program code/);
    await dialog.getByRole('alert').filter({ hasText: 'Nothing was saved' }).waitFor();
    expect(services.db.prepare('SELECT COUNT(*) FROM institution').pluck().get()).toBe(0);
    expect(services.db.prepare('SELECT COUNT(*) FROM program').pluck().get()).toBe(0);
  });

  it('refuses a duplicate NRMP code with the reason, and writes nothing', async () => {
    const { page, open, services } = app();
    const r = await services.dispatch('institutions.save', {
      institution: institution({ name: 'First Hospital', state: 'TX' }),
      tracks: [track('preliminary', { nrmpCode: '5555440P0' })],
    });
    expect(r.ok).toBe(true);
    await open('programs', 'Programs');
    await page.getByRole('button', { name: 'Add program' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add program' });
    await field(page, 'institution.name').fill('Second Hospital');
    await field(page, 'tracks.preliminary.nrmpCode').fill('5555440P0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'already used by First Hospital (Preliminary)' }).waitFor();
    expect(services.db.prepare('SELECT COUNT(*) FROM institution').pluck().get()).toBe(1);
  });

  it('answers 403 to a request without the token', async () => {
    const { page, url, open, allowConsoleErrors } = app();
    allowConsoleErrors(/403 \(Forbidden\)/);
    const res = await fetch(`${url}api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'programs.list' }) });
    expect(res.status).toBe(403);
    // The same from inside the served page, without the header: still refused.
    await open('programs', 'Programs');
    const status = await page.evaluate(async () => (await fetch('api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"method":"programs.list"}' })).status);
    expect(status).toBe(403);
    // With the page's token it works: the page itself is not broken.
    const ok = await page.evaluate(async () => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="prelim-token"]')!.content;
      const r = await fetch('api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Prelim-Token': token }, body: '{"method":"programs.list"}' });
      return r.status;
    });
    expect(ok).toBe(200);
  });

  it('shows every section in the sidebar and each opens its screen', async () => {
    const { page, open } = app();
    await open('dashboard', 'Dashboard');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const section of SECTIONS) {
      await nav.getByRole('link', { name: new RegExp(`^${section.label}`) }).click();
      await expect.poll(() => page.title()).toBe(`${section.label} · Prelim Tracker`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(page.url()).toMatch(new RegExp(`#/${section.id}$`));
    }
  });
});
